using System.Net;
using Talent.Profiles;
using Talent.Profiles.Merging;
using Talent.Server.Api;
using Talent.Server.Indexing;

namespace Talent.Tests.Recruiting;

/// <summary>The CSV export of a 1,000-candidate result: streamed while it is read from the index, with its columns.</summary>
public sealed class SearchExportTests
{
    [Fact]
    public async Task A_thousand_candidates_stream_as_csv_with_the_right_columns()
    {
        await using var host = await TalentTestHost.StartAsync();
        var index = host.Get<LiveIndex>().Current;
        for (var i = 0; i < 1000; i++)
        {
            index.Upsert(1_000_000 + i, Engineer(i), DateTimeOffset.UnixEpoch.AddDays(i));
        }

        index.Commit(index.LastAppliedSequence);
        index.Refresh();

        using var response = await host.Client.GetAsync(
            new Uri("/api/search/export?q=engineer&location=Lisbon&limit=1000", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentLength); // written as it is read, not buffered to a known length
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(string.Join(',', SearchExport.Columns), await reader.ReadLineAsync());
        var rows = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            rows.Add(line);
        }

        Assert.Equal(1000, rows.Count);
        Assert.Equal(1000, rows.Select(r => r.Split(',')[0]).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Contains(",Backend Engineer,Acme Payments,\"Lisbon, Portugal\",", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_writer_flushes_as_it_goes_and_guards_spreadsheet_formulas()
    {
        var produced = 0;
        IEnumerable<Talent.Search.SearchHit> Hits()
        {
            for (var i = 0; i < 1000; i++)
            {
                produced++;
                yield return new Talent.Search.SearchHit(i, i == 0 ? "=HYPERLINK(\"x\")" : "Person, " + i, null, 1, new([], [], []), []);
            }
        }

        var flushedAt = new List<int>();
        await using var stream = new FlushRecorder(() => flushedAt.Add(produced));
        await using var writer = new StreamWriter(stream);
        await SearchExport.WriteCsvAsync(Hits(), writer, CancellationToken.None);
        Assert.True(flushedAt.Count >= 10, $"{flushedAt.Count} flushes");
        Assert.Equal(100, flushedAt[0]); // the first 100 rows were sent before the 101st was read
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("0,\"'=HYPERLINK(\"\"x\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("1,\"Person, 1\"", text, StringComparison.Ordinal);
    }

    private static CandidateProfile Engineer(int i) => new()
    {
        Name = $"Engineer {i}",
        Location = "Lisbon, Portugal",
        Skills = ["Rust", "Kafka"],
        Experience = [new Sourced<ExperienceEntry>(new ExperienceEntry { Organization = "Acme Payments", Title = "Backend Engineer", Start = "2020" }, ["s"])],
    };

    private sealed class FlushRecorder(Action flushed) : MemoryStream
    {
        public override void Flush()
        {
            flushed();
            base.Flush();
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            flushed();
            return base.FlushAsync(cancellationToken);
        }
    }
}
