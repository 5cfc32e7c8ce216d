using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Search;
using static Talent.Tests.Search.SearchTestCorpus;

namespace Talent.Tests.Search;

/// <summary>A search over a large index runs on every core, a slice of the segments each: it must answer exactly as one thread does.</summary>
public sealed class ParallelSearchTests : IDisposable
{
    private readonly TempIndexDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_search_split_across_cores_answers_exactly_as_one_on_one_thread()
    {
        using (var writer = CandidateIndex.OpenForWriting(directory.Path, Catalogs, NullLogger.Instance))
        {
            // A commit per batch makes a segment per batch, so there are segments to split.
            var id = 0L;
            for (var batch = 0; batch < 4; batch++)
            {
                for (var i = 0; i < 30; i++)
                {
                    var template = ++id % 2 == 0 ? PersonAProfile : PersonBProfile;
                    var profile = template with
                    {
                        Name = $"Person {id}",
                        Publications = [.. template.Publications.Skip((int)(id % 4))],
                        Interests = id % 3 == 0 ? ["video generation"] : template.Interests,
                    };
                    writer.Upsert(id, profile, BaseTime.AddHours(id % 7));
                }

                writer.Commit(batch + 1);
            }
        }

        using var parallel = CandidateIndex.OpenReadOnly(directory.Path, Catalogs, NullLogger.Instance, new SearchOptions { ParallelFromCandidates = 1 });
        using var single = CandidateIndex.OpenReadOnly(directory.Path, Catalogs, NullLogger.Instance, new SearchOptions { ParallelFromCandidates = int.MaxValue });
        var requests = new[]
        {
            Request("video generation"),
            Request("\"sequence parallelism\" memory"),
            Request(topics: ["video generation"]),
            Request(skills: ["PyTorch"]),
            Request(venues: ["ICLR", "NeurIPS"], since: 2024),
            Request(),
            Request("efficient training", page: 3, size: 7),
        };

        foreach (var request in requests)
        {
            var expected = Found(single.Search(request)) with { TookMs = 0 };
            var actual = Found(parallel.Search(request)) with { TookMs = 0 };
            Assert.True(expected.Total > 0, $"{request.Query} found nobody");
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
        }
    }
}
