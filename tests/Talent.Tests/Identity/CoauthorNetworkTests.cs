using Talent.Profiles;
using Talent.Profiles.Identity;
using Talent.Storage;

namespace Talent.Tests.Identity;

/// <summary>
/// Identity on a generated co-author network: one candidate per person, every person's sources together, whatever
/// order the documents arrive in (issue 17).
/// </summary>
public sealed class CoauthorNetworkTests
{
    private static readonly Lazy<(CoauthorNetwork Network, List<(NetworkDocument Document, ExtractedProfile Profile)> Extracted)> Generated = new(() =>
    {
        var network = new CoauthorNetwork(seed: 17);
        return (network, network.Documents.Select(d => (d, IdentityStore.Extract(d.SourceId, d.Markdown))).ToList());
    });

    [Fact]
    public void The_network_has_what_the_rules_must_tell_apart()
    {
        var (network, extracted) = Generated.Value;

        Assert.True(network.People >= 200, $"{network.People} people");
        Assert.Contains(extracted, e => e.Document.SourceId.StartsWith("homepage:", StringComparison.Ordinal));
        Assert.Contains(extracted, e => e.Document.SourceId.StartsWith("bib:", StringComparison.Ordinal) && e.Profile.Name is null);
        Assert.Contains(extracted, e => e.Document.SourceId.StartsWith("bib:", StringComparison.Ordinal) && e.Profile.Name is { } name && name.Contains(". ", StringComparison.Ordinal));
        // Namesakes: the same name on several people's CVs.
        Assert.True(extracted.Where(e => e.Document.SourceId.StartsWith("cv:", StringComparison.Ordinal)).GroupBy(e => e.Profile.Name).Max(g => g.Count()) >= 10);
        // Every second document of a person carries the person's papers; co-authors share many titles.
        Assert.All(extracted, e => Assert.True(e.Profile.Publications.Count >= 3 || e.Document.SourceId.StartsWith("homepage:", StringComparison.Ordinal), e.Document.SourceId));
    }

    [Fact]
    public void The_whole_set_groups_into_exactly_the_people()
    {
        var (network, extracted) = Generated.Value;

        var grouping = IdentityResolver.Resolve(extracted.Select(e => SourceIdentity.Of(e.Document.SourceId, e.Profile)).ToList(), []);

        Assert.Equal(Truth(network), grouping.Groups.Select(g => string.Join(' ', g.SourceIds)).Order(StringComparer.Ordinal).ToList());
        Assert.Empty(grouping.Flagged);
    }

    [Fact]
    public async Task Twenty_random_arrival_orders_give_one_candidate_per_person()
    {
        var (network, extracted) = Generated.Value;
        var truth = Truth(network);
        var random = new Random(2017);
        for (var order = 0; order < 20; order++)
        {
            var shuffled = extracted.OrderBy(_ => random.Next()).ToList();
            await using var store = await IdentityStore.CreateAsync();
            // Batches of varied size: a document meets the ones before it in its own batch and in earlier ones.
            await StoreAsync(store, shuffled, random.Next(1, 80));

            Assert.Equal(network.People, await store.Store.CountCandidatesAsync(CancellationToken.None));
            Assert.Equal(truth, await store.GroupingAsync());
        }
    }

    [Fact]
    public async Task Removing_a_document_in_the_middle_leaves_the_grouping_of_the_rest()
    {
        var (_, extracted) = Generated.Value;
        var random = new Random(71);
        await using var all = await IdentityStore.CreateAsync();
        await StoreAsync(all, extracted.OrderBy(_ => random.Next()).ToList(), 50);

        // Every second document of a person goes: the rest is grouped as if it had never come.
        var removed = extracted.Where(e => !e.Document.SourceId.StartsWith("cv:", StringComparison.Ordinal)).Take(20).Select(e => e.Document.SourceId).ToList();
        foreach (var sourceId in removed)
        {
            Assert.True(await all.Store.RemoveSourceAsync(sourceId, CancellationToken.None));
        }

        await using var without = await IdentityStore.CreateAsync();
        await StoreAsync(without, extracted.Where(e => !removed.Contains(e.Document.SourceId)).ToList(), 50);

        Assert.Equal(await without.GroupingAsync(), await all.GroupingAsync());
    }

    private static async Task StoreAsync(IdentityStore store, List<(NetworkDocument Document, ExtractedProfile Profile)> documents, int batch)
    {
        foreach (var chunk in documents.Chunk(batch))
        {
            var results = await store.Store.StoreBatchAsync(
                chunk.Select(e => new DocumentWrite(IdentityStore.Document(e.Document.SourceId, 1, e.Document.Markdown), e.Profile, null)).ToList(), CancellationToken.None);
            Assert.All(results, r => Assert.Null(r.Failure));
        }
    }

    /// <summary>The true grouping, written from how the network was generated.</summary>
    internal static List<string> Truth(CoauthorNetwork network) =>
        network.Documents.GroupBy(d => d.Person).Select(g => string.Join(' ', g.Select(d => d.SourceId).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
}
