using System.Text.Json;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>Documents written for these tests in the seeds' formats, with expected facts written by hand beside each.</summary>
public sealed class FixtureTests
{
    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "Data");

    public static TheoryData<string> Fixtures() =>
        new(Directory.GetFiles(DataDirectory, "*.expected.json").Select(f => Path.GetFileName(f)[..^".expected.json".Length]).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_hand_written_fact_of_a_fixture_is_extracted(string fixture)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, fixture + ".expected.json")));
        var contentType = expected.RootElement.GetProperty("contentType").GetString()!;
        var result = new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput(fixture, contentType, File.ReadAllText(Path.Combine(DataDirectory, fixture))));

        var profile = Assert.IsType<ExtractionResult.Accepted>(result).Profile;
        var problems = ExpectedFacts.Problems(profile, expected.RootElement);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Fixtures_are_present() => Assert.True(Fixtures().Count >= 6);
}
