using System.Net.Http.Json;
using Talent.Contracts;
using Talent.Embeddings;
using Talent.Search.Matching;
using Talent.Server.Embeddings;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Tests.Ranking;

/// <summary>
/// Sentence vectors computed behind ingestion: stored profiles reach the backlog through the bus, a worker drains it
/// with the shipped model, and match then ranks with words and meaning. The backlog's leases let several workers
/// share it and survive a worker that stops mid-batch.
/// </summary>
public sealed class EmbeddingBacklogTests
{
    private const string Researcher = """
        # Vera Video

        Research scientist working on video generation.

        ## Publications

        - [ICLR 2025] Long Video Generation with Latent Diffusion Transformers
        - Vera Video, Ada Frame
        """;

    private const string Engineer = """
        # Ben Backend

        Backend engineer at Acme Payments.

        ## Skills

        Go, PostgreSQL, Redis, Docker, Kubernetes
        """;

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
    public async Task A_batch_that_takes_longer_than_its_lease_renews_it_and_stays_its_workers()
    {
        await using var host = await TalentTestHost.StartAsync();
        var papers = string.Join("\n", Enumerable.Range(1, 50).Select(i => $"- [ICLR {2000 + (i % 25)}] Paper Number {i} on Learning Representations\n- Hana Long, Ada Frame"));
        var stored = await host.SubmitAsync("test:long", "text/markdown", $"# Hana Long\n\nResearch scientist.\n\n## Publications\n\n{papers}\n");
        await host.WaitForIndexAsync();
        var clock = new ManualClock();
        var store = new EmbeddingStore(host.Get<TalentDatabase>(), clock);
        await store.EnqueueAsync([(long)stored.CandidateId!], CancellationToken.None);

        // Each chunk of 16 texts takes four minutes of a ten-minute lease; another worker asks for work after each.
        var model = new FixedEmbedder(fail: false);
        var taken = new List<long>();
        model.OnEmbed = () =>
        {
            clock.Advance(TimeSpan.FromMinutes(4));
            taken.AddRange(store.ClaimAsync(10, TimeSpan.FromMinutes(10), CancellationToken.None).GetAwaiter().GetResult());
        };
        var options = Microsoft.Extensions.Options.Options.Create(new EmbeddingOptions { LeaseSeconds = 600 });
        var drainer = new EmbeddingDrainer(store, model, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<EmbeddingDrainer>.Instance, clock);

        var (candidates, texts) = await drainer.DrainAsync((_, _, _) => { }, CancellationToken.None);

        Assert.Equal(1, candidates);
        Assert.True(model.Calls >= 4, $"{texts} texts in {model.Calls} chunks: more than two leases' halves");
        Assert.Empty(taken);
        Assert.Equal((0L, 1L), await store.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Workers_claim_different_candidates_and_an_expired_lease_is_claimed_again()
    {
        using var directory = new TempDirectory();
        var database = new TalentDatabase(Path.Combine(directory.Path, "talent.db"));
        await database.MigrateAsync(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        var clock = new ManualClock();
        var store = new EmbeddingStore(database, clock);
        await store.EnqueueAsync([1, 2, 3, 4], CancellationToken.None);

        var first = await store.ClaimAsync(2, TimeSpan.FromMinutes(10), CancellationToken.None);
        var second = await store.ClaimAsync(10, TimeSpan.FromMinutes(10), CancellationToken.None);
        Assert.Equal(2, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Empty(first.Intersect(second));
        Assert.Empty(await store.ClaimAsync(10, TimeSpan.FromMinutes(10), CancellationToken.None));

        // The first worker stopped without saving: after its lease its candidates go to whoever asks.
        clock.Advance(TimeSpan.FromMinutes(11));
        var reclaimed = await store.ClaimAsync(10, TimeSpan.FromMinutes(10), CancellationToken.None);
        Assert.Equal(4, reclaimed.Count);

        await store.SaveAsync("m", new Dictionary<string, byte[]>(), [new CandidateVectorKeys(1, null, []), new CandidateVectorKeys(2, null, [])], CancellationToken.None);
        Assert.Equal((2L, 2L), await store.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_foreground_drain_that_fails_gives_its_batch_back_and_the_next_one_embeds_every_candidate()
    {
        await using var host = await WithResearcherAndEngineerAsync();
        var store = new EmbeddingStore(host.Get<TalentDatabase>(), TimeProvider.System);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Drainer(store, new FixedEmbedder(fail: true)).DrainAsync((_, _, _) => { }, CancellationToken.None));
        Assert.Equal((2L, 0L), await store.CountsAsync(CancellationToken.None));

        // Given back, not left leased for ten minutes: the next drain claims both at once.
        var reports = new List<(long Done, long Total)>();
        var (candidates, texts) = await Drainer(store, new FixedEmbedder(fail: false)).DrainAsync((done, total, _) => reports.Add((done, total)), CancellationToken.None);
        Assert.Equal(2, candidates);
        Assert.True(texts >= 2, $"{texts} texts");
        Assert.Equal([(0L, 2L), (2L, 2L)], reports);
        Assert.Equal((0L, 2L), await store.CountsAsync(CancellationToken.None));
        Assert.Equal((0, 0), await Drainer(store, new FixedEmbedder(fail: false)).DrainAsync((_, _, _) => { }, CancellationToken.None));
    }

    [Fact]
    public async Task A_worker_holds_its_backlog_back_while_its_ingestion_stores_documents_and_drains_it_after()
    {
        await using var host = await WithResearcherAndEngineerAsync();
        var store = new EmbeddingStore(host.Get<TalentDatabase>(), TimeProvider.System);
        var ingestion = new Ingesting { Busy = true };
        var drainer = Drainer(store, new FixedEmbedder(fail: false), ingestion);
        await drainer.StartAsync(CancellationToken.None);
        try
        {
            using var timeout = TestWait.Token();
            var status = await StatusWhenAsync(drainer, s => s.WaitingForIngestion, timeout.Token);

            // Waiting before its first claim: the two candidates are on the backlog, none embedded.
            Assert.Equal((2L, 0L), (status.Waiting, status.Embedded));

            ingestion.Busy = false;
            status = await StatusWhenAsync(drainer, s => s is { Waiting: 0, Embedded: 2 }, timeout.Token);

            Assert.False(status.WaitingForIngestion);
        }
        finally
        {
            await drainer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Ingestion_that_starts_mid_batch_pauses_the_batch_after_its_chunk_of_texts()
    {
        await using var host = await TalentTestHost.StartAsync(); // vectors off: nothing drains behind ingestion
        var store = await OneResearcherOfFortyPapersAsync(host);
        var (drainer, model, ingestion) = await DrainerInterruptedAfterItsFirstChunkAsync(store);
        try
        {
            using var timeout = TestWait.Token();
            var status = await StatusWhenAsync(drainer, s => s.WaitingForIngestion, timeout.Token);

            Assert.Equal(1, model.Calls); // one chunk of 16 texts, then the batch waits
            Assert.Equal((1L, 0L), (status.Waiting, status.Embedded));

            model.OnEmbed = null;
            ingestion.Busy = false;
            status = await StatusWhenAsync(drainer, s => s is { Waiting: 0, Embedded: 1 }, timeout.Token);

            Assert.True(model.Calls >= 3, $"{model.Calls} chunks for 40 texts");
            Assert.Equal(40, model.Texts); // 40 titles: the first chunk's 16 were kept through the pause, not embedded again
        }
        finally
        {
            await drainer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_batch_that_ingestion_interrupts_goes_back_to_the_backlog_with_its_texts_embedded_so_far()
    {
        await using var host = await TalentTestHost.StartAsync(); // vectors off: nothing drains behind ingestion
        var store = await OneResearcherOfFortyPapersAsync(host);
        var (drainer, model, _) = await DrainerInterruptedAfterItsFirstChunkAsync(store);
        try
        {
            using var timeout = TestWait.Token();
            await StatusWhenAsync(drainer, s => s.WaitingForIngestion, timeout.Token);

            // A worker that is not ingesting takes the batch at once (no lease to wait out) and embeds only what is left.
            var other = new FixedEmbedder(fail: false);
            var (candidates, texts) = await Drainer(store, other).DrainAsync((_, _, _) => { }, timeout.Token);

            Assert.Equal((1, 24), (candidates, texts));
            Assert.Equal((1, 16, 24), (model.Calls, model.Texts, other.Texts));
            Assert.Equal((0L, 1L), await store.CountsAsync(CancellationToken.None));
        }
        finally
        {
            await drainer.StopAsync(CancellationToken.None);
        }
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

    /// <summary>A host (vectors off: nothing drains behind ingestion) that stored the researcher and the engineer.</summary>
    private static async Task<TalentTestHost> WithResearcherAndEngineerAsync()
    {
        var host = await TalentTestHost.StartAsync();
        await host.SubmitAsync("test:vera", "text/markdown", Researcher);
        await host.SubmitAsync("test:ben", "text/markdown", Engineer);
        await host.WaitForIndexAsync();
        return host;
    }

    /// <summary>Stores one researcher of 40 papers (40 texts to embed, more than two chunks of 16) in the host; returns its embedding store.</summary>
    private static async Task<EmbeddingStore> OneResearcherOfFortyPapersAsync(TalentTestHost host)
    {
        var papers = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"- [ICLR 2024] Video Generation Study Number {i}\n- Vera Video"));
        await host.SubmitAsync("test:prolific", "text/markdown", $"# Vera Video\n\nResearcher.\n\n## Publications\n\n{papers}\n");
        await host.WaitForIndexAsync();
        return new EmbeddingStore(host.Get<TalentDatabase>(), TimeProvider.System);
    }

    /// <summary>A started drainer of a worker whose ingestion starts while the first chunk of its first batch is embedded.</summary>
    private static async Task<(EmbeddingDrainer Drainer, FixedEmbedder Model, Ingesting Ingestion)> DrainerInterruptedAfterItsFirstChunkAsync(EmbeddingStore store)
    {
        var ingestion = new Ingesting();
        var model = new FixedEmbedder(fail: false) { OnEmbed = () => ingestion.Busy = true };
        var drainer = Drainer(store, model, ingestion);
        await drainer.StartAsync(CancellationToken.None);
        return (drainer, model, ingestion);
    }

    private static EmbeddingDrainer Drainer(EmbeddingStore store, ITextEmbedder model, Talent.Server.Ingestion.IIngestionActivity? ingestion = null) =>
        new(store, model, Microsoft.Extensions.Options.Options.Create(new EmbeddingOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<EmbeddingDrainer>.Instance, ingestion: ingestion);

    /// <summary>The drainer's status once <paramref name="condition"/> holds (waits for it, not for a time).</summary>
    private static async Task<EmbeddingStatus> StatusWhenAsync(EmbeddingDrainer drainer, Func<EmbeddingStatus, bool> condition, CancellationToken cancellationToken)
    {
        var status = await drainer.StatusAsync(CancellationToken.None);
        while (!condition(status))
        {
            await Task.Delay(50, cancellationToken);
            status = await drainer.StatusAsync(CancellationToken.None);
        }

        return status;
    }

    /// <summary>Ingestion that stored documents a moment ago while <see cref="Busy"/>, and never otherwise.</summary>
    private sealed class Ingesting : Talent.Server.Ingestion.IIngestionActivity
    {
        private volatile bool busy;

        public bool Busy
        {
            get => busy;
            set => busy = value;
        }

        public TimeSpan? SinceLastWrite => busy ? TimeSpan.Zero : null;
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

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
