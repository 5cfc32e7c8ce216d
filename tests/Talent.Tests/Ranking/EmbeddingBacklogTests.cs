using System.Net.Http.Json;
using Talent.Contracts;
using Talent.Search.Matching;
using Talent.Server.Embeddings;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Tests.Ranking;

/// <summary>
/// Sentence vectors computed behind ingestion: stored profiles reach the backlog through the bus, a worker drains it
/// with the shipped model, and match then ranks with words and meaning. A node fills its backlog only from its own
/// announcements, a drain embeds a bounded number of one candidate's texts, the store reads many candidates' vectors
/// as it reads one, and the drain rate says how long the backlog takes.
/// </summary>
public sealed class EmbeddingBacklogTests : EmbeddingBacklogDraining
{
    [Fact]
    public async Task Stored_profiles_are_embedded_behind_ingestion_and_match_then_ranks_with_meaning()
    {
        await using var host = await TalentTestHost.StartAsync(new Dictionary<string, string?>(StringComparer.Ordinal) { ["Talent:Embeddings:Enabled"] = "true" });
        var researcher = await host.SubmitAsync("test:vera", "text/markdown", Researcher);
        await host.SubmitAsync("test:ben", "text/markdown", Engineer);
        await host.WaitForIndexAsync();

        // The model runs on one thread behind ingestion; wait for the backlog to drain (no wall-clock limit below 10 min).
        EmbeddingStatus? status = null;
        for (var attempt = 0; attempt < 1200 && status is not { Waiting: 0, Embedded: 2 }; attempt++)
        {
            await Task.Delay(500);
            status = await host.Client.GetFromJsonAsync<EmbeddingStatus>("/health/embeddings");
        }

        Assert.NotNull(status);
        Assert.Equal(0, status.Waiting);
        Assert.Equal(2, status.Embedded);
        Assert.True(status.TextsEmbedded >= 2);

        var response = host.Get<LiveIndex>().Current.Match(new MatchRequest { Text = "generating videos with diffusion models", Top = 5 });
        var top = response.Results[0];
        Assert.Equal(researcher.CandidateId, top.Id);
        Assert.Equal(CandidateMatch.Hybrid, top.Signals!.Ranker);
        Assert.True(top.Signals.Meaning > 0.3, $"meaning {top.Signals.Meaning}");
    }

    [Fact]
    public async Task Before_any_candidate_has_vectors_search_and_match_rank_by_words_without_running_the_model()
    {
        await using var host = await WithResearcherAndEngineerAsync();
        await host.SubmitAsync("test:gil", "text/markdown", "# Gil Moreau\n\nPhD student in computer vision.\n\n## Publications\n\n- [CVPR 2024] Video Generation with Motion Priors\n- Gil Moreau, Ana Lind\n");
        await host.WaitForIndexAsync();
        var store = new EmbeddingStore(host.Get<TalentDatabase>(), TimeProvider.System);
        var model = new FixedEmbedder(fail: false);
        var index = host.Get<LiveIndex>().Current;
        index.Vectors = new StoredVectorSource(store, model, Microsoft.Extensions.Options.Options.Create(new EmbeddingOptions()));
        var search = Talent.Search.SearchRequest.Create("video generation", null, null, null, null, 1, 10).Request! with { Explain = true };
        var match = new MatchRequest { Text = "generating videos with diffusion models", Top = 5 };

        // A data folder whose backlog has not drained (or one filled by talent ingest before talent admin embed).
        var byWords = Assert.IsType<Talent.Search.SearchOutcome.Found>(index.Search(search)).Response.Results;
        Assert.Equal(2, byWords.Count);
        Assert.All(byWords, h => Assert.Equal(CandidateMatch.NoVectorsYet, h.Ranker));
        Assert.All(index.Match(match).Results, m => Assert.Equal(CandidateMatch.NoVectorsYet, m.Signals!.Ranker));
        Assert.Equal(0, model.Calls);

        await Drainer(store, model).DrainAsync((_, _, _) => { }, CancellationToken.None);
        var drained = model.Calls;
        var byMeaning = Assert.IsType<Talent.Search.SearchOutcome.Found>(index.Search(search)).Response.Results;
        Assert.Equal(CandidateMatch.Hybrid, byMeaning[0].Ranker);
        Assert.Equal(CandidateMatch.Hybrid, index.Match(match).Results[0].Signals!.Ranker);
        Assert.True(model.Calls > drained, "the queries were embedded once vectors existed");
    }

    [Fact]
    public async Task A_candidate_with_thousands_of_publications_gets_vectors_for_a_bounded_number_of_them()
    {
        await using var host = await TalentTestHost.StartAsync();
        // Three sections of 600 papers: a reader bounds the entries of one section, not of a document.
        var sections = Enumerable.Range(0, 3).Select(s => "## Publications\n\n" + string.Join("\n", Enumerable.Range((s * 600) + 1, 600).Select(i => $"- [ICLR {2000 + (i % 25)}] Paper Number {i} on Learning Representations\n- Hana Long, Ada Frame")));
        var stored = await host.SubmitAsync("test:long", "text/markdown", $"# Hana Long\n\nResearch scientist.\n\n{string.Join("\n\n", sections)}\n");
        await host.WaitForIndexAsync();
        var store = new EmbeddingStore(host.Get<TalentDatabase>(), TimeProvider.System);
        var (_, profile) = Assert.Single(await store.ProfilesAsync([(long)stored.CandidateId!], CancellationToken.None));
        Assert.True(profile.Publications.Count > CandidateTexts.MaxPublications, $"{profile.Publications.Count} publications");

        var (candidates, texts) = await Drainer(store, new FixedEmbedder(fail: false)).DrainAsync((_, _, _) => { }, CancellationToken.None);
        Assert.Equal(1, candidates);
        Assert.InRange(texts, CandidateTexts.MaxPublications, CandidateTexts.MaxPublications + 1); // and their own words
    }

    [Fact]
    public async Task A_node_fills_its_backlog_from_its_own_announcements_and_leaves_other_nodes_ids_alone()
    {
        await using var host = await WithResearcherAndEngineerAsync();
        var store = new EmbeddingStore(host.Get<TalentDatabase>(), TimeProvider.System);
        var consumer = new CandidateProfilesStoredConsumer(store, Drainer(store, new FixedEmbedder(fail: false)), Microsoft.Extensions.Options.Options.Create(new Talent.Server.Configuration.BusOptions { Node = "a" }));

        // A read replica's queue receives node b's announcement too: ids 1 and 2 there are other people.
        await consumer.Consume(Announced(new CandidateProfilesStored { CandidateIds = [1, 2], Node = "b" }));
        Assert.Equal((0L, 0L), await store.CountsAsync(CancellationToken.None));

        await consumer.Consume(Announced(new CandidateProfilesStored { CandidateIds = [1, 2], Node = "a" }));
        Assert.Equal((2L, 0L), await store.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Vectors_of_many_candidates_read_at_once_are_those_read_one_by_one()
    {
        using var directory = new TempDirectory();
        var database = new TalentDatabase(Path.Combine(directory.Path, "talent.db"));
        await database.MigrateAsync(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        var store = new EmbeddingStore(database, TimeProvider.System);
        byte[] Vector(float first) => Talent.Search.Ranking.VectorMath.ToBytes([first, 1 - first]);
        var vectors = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["own-1"] = Vector(0.1f), ["paper-a"] = Vector(0.2f), ["paper-b"] = Vector(0.3f), ["own-2"] = Vector(0.4f) };

        // Candidates 1 and 2 share paper a; 3 has keys only (its text vector is not stored); 4 has no vectors yet.
        await store.SaveAsync("m", vectors, [
            new CandidateVectorKeys(1, "own-1", [("Paper A", "paper-a"), ("Paper B", "paper-b")]),
            new CandidateVectorKeys(2, "own-2", [("Paper A", "paper-a")]),
            new CandidateVectorKeys(3, "own-3", [])], CancellationToken.None);

        var many = store.FindMany([1, 2, 3, 4, 2]);
        Assert.Equal([1L, 2L, 3L], many.Keys.Order());
        foreach (var id in new long[] { 1, 2, 3 })
        {
            var one = store.Find(id)!; // saved above
            Assert.Equal(one.Profile, many[id].Profile);
            Assert.Equal(one.Publications.Select(p => (p.Title, Convert.ToHexString(p.Vector))), many[id].Publications.Select(p => (p.Title, Convert.ToHexString(p.Vector))));
        }

        Assert.Equal([0.1f, 0.9f], many[1].Profile ?? []);
        Assert.Equal(["Paper A", "Paper B"], many[1].Publications.Select(p => p.Title));
        Assert.Equal(vectors["paper-a"], many[2].Publications.Single().Vector);
        Assert.Null(many[3].Profile);
        Assert.Null(store.Find(4));
        Assert.Empty(store.FindMany([]));
    }

    [Fact]
    public void The_drain_rate_of_the_last_minute_says_how_long_the_backlog_takes_and_falls_to_nothing_when_draining_stops()
    {
        var clock = new ManualClock();
        var rate = new Talent.Server.Embeddings.DrainRate(clock);
        Assert.Null(rate.Status(waiting: 50, embedded: 0).SecondsToDrain); // nothing drained yet: no estimate
        Assert.Equal(0, rate.Status(waiting: 0, embedded: 0).SecondsToDrain);

        clock.Advance(TimeSpan.FromSeconds(10));
        rate.Record(100, 300, TimeSpan.FromSeconds(10));
        var draining = rate.Status(waiting: 50, embedded: 100);
        Assert.Equal((10, 10, 30, 5.0), (draining.CandidatesPerSecond, draining.RecentCandidatesPerSecond, draining.TextsPerSecond, draining.SecondsToDrain));

        // Idle for 30 s: the minute's rate counts the idle time, the rate since start (per second spent draining) does not.
        clock.Advance(TimeSpan.FromSeconds(30));
        var idle = rate.Status(waiting: 50, embedded: 100);
        Assert.Equal((10, 2.5, 20.0), (idle.CandidatesPerSecond, idle.RecentCandidatesPerSecond, idle.SecondsToDrain));

        clock.Advance(TimeSpan.FromSeconds(31));
        var stopped = rate.Status(waiting: 50, embedded: 100);
        Assert.Equal((10, 0, (double?)null), (stopped.CandidatesPerSecond, stopped.RecentCandidatesPerSecond, stopped.SecondsToDrain));
    }

    /// <summary>A consume context that gives the consumer its message and nothing else it does not ask for.</summary>
    private static MassTransit.ConsumeContext<T> Announced<T>(T message)
        where T : class
    {
        var context = System.Reflection.DispatchProxy.Create<MassTransit.ConsumeContext<T>, MessageOnly>();
        ((MessageOnly)(object)context).Message = message;
        return context;
    }

    /// <summary>Answers <c>Message</c> and <c>CancellationToken</c>; anything else a consumer should not need throws.</summary>
    public class MessageOnly : System.Reflection.DispatchProxy
    {
        public object? Message { get; set; }

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "get_Message" => Message,
            "get_CancellationToken" => CancellationToken.None,
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
