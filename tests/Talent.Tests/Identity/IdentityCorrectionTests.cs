using Dapper;
using Talent.Profiles;
using Talent.Storage;

namespace Talent.Tests.Identity;

/// <summary>No hijacking through one document, and people's merges and splits that hold (issue 17).</summary>
public sealed class IdentityCorrectionTests
{
    private static readonly ExtractedProfile Ana = Person("Ana Lima", "ana.lima@uni-a.example.org", "Sparse Attention for Scalable Graph Partitioning", "Diffusion Sampling Meets Protein Folding: A Study");
    private static readonly ExtractedProfile AnaHomepage = new() { Name = "Ana Lima", Emails = ["ana.lima@uni-a.example.org"], Homepages = ["ana-lima.example.org"] };
    private static readonly ExtractedProfile Bo = Person("Bo Chen", "bo.chen@uni-b.example.org", "Towards Efficient Causal Discovery with Program Synthesis", "On the Limits of Neural Rendering in Federated Averaging");

    [Fact]
    public async Task A_forged_page_with_two_peoples_emails_merges_nobody_and_removing_it_leaves_both()
    {
        await using var store = await IdentityStore.CreateAsync();
        var ana = await store.AcceptAsync("cv:ana", Ana);
        await store.AcceptAsync("homepage:ana", AnaHomepage);
        var bo = await store.AcceptAsync("cv:bo", Bo);
        var forged = new ExtractedProfile { Name = "Lab Members", Emails = ["ana.lima@uni-a.example.org", "bo.chen@uni-b.example.org"] };

        var outcome = await store.AcceptAsync("lab-page", forged);

        Assert.Equal(StoreOutcome.Accepted, outcome.Outcome);
        Assert.NotEqual(ana.CandidateId, outcome.CandidateId);
        Assert.NotEqual(bo.CandidateId, outcome.CandidateId);
        Assert.Contains("for review", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(["cv:ana homepage:ana", "cv:bo", "lab-page"], await store.GroupingAsync());
        var flagged = (await store.Store.GetIdentityAsync(outcome.CandidateId!.Value, CancellationToken.None))!.Flagged;
        Assert.Equal("lab-page", Assert.Single(flagged).SourceId);
        var review = Assert.Single(await store.Store.ListFlaggedAsync(100, CancellationToken.None)); // what a reviewer lists
        Assert.Equal(("lab-page", outcome.CandidateId.Value), (review.SourceId, review.CandidateId));

        Assert.True(await store.Store.RemoveSourceAsync("lab-page", CancellationToken.None));

        Assert.Equal(["cv:ana homepage:ana", "cv:bo"], await store.GroupingAsync());
        Assert.Empty(await store.Store.ListFlaggedAsync(100, CancellationToken.None));
        Assert.Equal(ana.CandidateId, await store.CandidateOfAsync("cv:ana"));
        Assert.Equal(bo.CandidateId, await store.CandidateOfAsync("cv:bo"));
        await using var connection = await store.Database.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM identity_links WHERE source_a = 'lab-page' OR source_b = 'lab-page'"));
    }

    [Fact]
    public async Task Erasing_a_person_deletes_a_flagged_page_holding_their_address_so_it_joins_nobody_else()
    {
        await using var store = await IdentityStore.CreateAsync();
        var ana = await store.AcceptAsync("cv:ana", Ana);
        var bo = await store.AcceptAsync("cv:bo", Bo);
        await store.AcceptAsync("lab-page", new ExtractedProfile { Name = "Lab Members", Emails = ["ana.lima@uni-a.example.org", "bo.chen@uni-b.example.org"] });
        var cy = await store.AcceptAsync("cv:cy", Person("Cy Park", "cy.park@uni-c.example.org", "Learning to Rank Proteins", "Graph Kernels at Scale"));

        var report = await store.Store.EraseCandidateAsync(ana.CandidateId!.Value, CancellationToken.None);

        // Kept, the page would point at Bo alone and join him with Ana's address on it.
        Assert.Equal(["cv:bo", "cv:cy"], await store.GroupingAsync());
        Assert.Equal(1, report.FlaggedSources);
        Assert.Equal(1, Assert.Single(await store.Store.ErasureReportsAsync(ana.CandidateId.Value, CancellationToken.None)).FlaggedSources);
        Assert.False(await store.Store.HoldsSourceAsync("lab-page", CancellationToken.None));
        Assert.Empty(await store.Store.ListFlaggedAsync(100, CancellationToken.None));
        Assert.Equal(bo.CandidateId, await store.CandidateOfAsync("cv:bo"));
        Assert.DoesNotContain("ana.lima@uni-a.example.org", (await store.Store.GetCandidateAsync(bo.CandidateId!.Value, CancellationToken.None))!.Profile.Emails);
        Assert.Equal(0, (await store.Store.EraseCandidateAsync(cy.CandidateId!.Value, CancellationToken.None)).FlaggedSources);
    }

    [Fact]
    public async Task Removing_the_flagged_page_itself_counts_no_other_page()
    {
        await using var store = await IdentityStore.CreateAsync();
        await store.AcceptAsync("cv:ana", Ana);
        await store.AcceptAsync("cv:bo", Bo);
        await store.AcceptAsync("lab-page", new ExtractedProfile { Name = "Lab Members", Emails = ["ana.lima@uni-a.example.org", "bo.chen@uni-b.example.org"] });

        var report = await store.Store.EraseSourceAsync("lab-page", CancellationToken.None);

        Assert.Equal((1, 0), (report.AcceptedSources, report.FlaggedSources));
        Assert.Equal(["cv:ana", "cv:bo"], await store.GroupingAsync());
    }

    [Fact]
    public async Task A_page_that_arrives_first_and_bridges_two_people_is_undone_when_the_second_arrives()
    {
        await using var store = await IdentityStore.CreateAsync();
        await store.AcceptAsync("cv:ana", Ana);
        var forged = new ExtractedProfile { Emails = ["ana.lima@uni-a.example.org", "bo.chen@uni-b.example.org"] };
        await store.AcceptAsync("lab-page", forged);
        Assert.Equal(["cv:ana lab-page"], await store.GroupingAsync()); // one person's address alone: it is theirs

        await store.AcceptAsync("cv:bo", Bo);

        Assert.Equal(["cv:ana", "cv:bo", "lab-page"], await store.GroupingAsync());
    }

    [Fact]
    public async Task Co_authors_with_many_shared_titles_stay_two_people_and_two_orcids_never_join()
    {
        await using var store = await IdentityStore.CreateAsync();
        var coauthor = Ana with { Name = "Bo Chen", Emails = ["bo@elsewhere.example.org"] };
        await store.AcceptAsync("cv:ana", Ana);
        await store.AcceptAsync("cv:coauthor", coauthor);
        var initialled = Ana with { Name = "A. Lima", Emails = [] };
        await store.AcceptAsync("bib:ana", initialled);
        var otherOrcid = Ana with { Name = "Ana Lima", Emails = [], Links = ["https://orcid.org/0000-0002-0000-0001"] };
        var orcid = Ana with { Name = "Ana Lima", Emails = [], Links = ["https://orcid.org/0000-0002-0000-0002"] };
        await store.AcceptAsync("orcid:1", otherOrcid);
        await store.AcceptAsync("orcid:2", orcid);

        var grouping = await store.GroupingAsync();

        Assert.Contains("cv:coauthor", grouping);
        Assert.DoesNotContain(grouping, g => g.Contains("orcid:1", StringComparison.Ordinal) && g.Contains("orcid:2", StringComparison.Ordinal));
        Assert.Contains(grouping, g => g.Contains("bib:ana", StringComparison.Ordinal) && g.Contains("cv:ana", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_manual_merge_of_two_orcids_is_made_as_decided_and_warns_and_a_merge_without_conflict_does_not()
    {
        await using var store = await IdentityStore.CreateAsync();
        var one = (await store.AcceptAsync("orcid:1", Ana with { Emails = [], Links = ["https://orcid.org/0000-0002-0000-0001"] })).CandidateId!.Value;
        var two = (await store.AcceptAsync("orcid:2", Ana with { Emails = [], Links = ["https://orcid.org/0000-0002-0000-0002"] })).CandidateId!.Value;
        var bo = (await store.AcceptAsync("cv:bo", Bo)).CandidateId!.Value;
        Assert.NotEqual(one, two);

        var merged = await store.Store.MergeCandidatesAsync(one, two, new IdentityActor("alice (admin)"), CancellationToken.None);

        Assert.True(merged.Succeeded, merged.Error);
        Assert.Contains("orcid:1 orcid:2", await store.GroupingAsync());
        Assert.Equal("sources orcid:1 and orcid:2: different ORCIDs; merged as decided", Assert.Single(merged.Warnings));

        var plain = await store.Store.MergeCandidatesAsync(one, bo, new IdentityActor("alice (admin)"), CancellationToken.None);
        Assert.True(plain.Succeeded, plain.Error);
        Assert.Empty(plain.Warnings);
    }

    [Fact]
    public async Task A_manual_merge_and_split_hold_across_reingestion_a_new_version_and_a_restart_and_are_audited()
    {
        await using var store = await IdentityStore.CreateAsync();
        var ana = (await store.AcceptAsync("cv:ana", Ana)).CandidateId!.Value;
        var bo = (await store.AcceptAsync("cv:bo", Bo)).CandidateId!.Value;
        await store.AcceptAsync("homepage:ana", AnaHomepage);

        var merged = await store.Store.MergeCandidatesAsync(ana, bo, new IdentityActor("alice (admin)"), CancellationToken.None);
        Assert.True(merged.Succeeded, merged.Error);
        Assert.Equal(["cv:ana cv:bo homepage:ana"], await store.GroupingAsync());
        Assert.Equal([ana], merged.CandidateIds); // the older id survives

        var split = await store.Store.SplitCandidateAsync(ana, ["homepage:ana"], new IdentityActor("carol (admin)"), CancellationToken.None);
        Assert.True(split.Succeeded, split.Error);
        var expected = new List<string> { "cv:ana cv:bo", "homepage:ana" };
        Assert.Equal(expected, await store.GroupingAsync());
        Assert.Equal(expected, store.ProfileGrouping()); // the kept candidate's profile lost the source split away

        // The same documents again, a new version of one of them, and a restart: the decisions still hold.
        await store.AcceptAsync("cv:ana", Ana);
        await store.AcceptAsync("homepage:ana", AnaHomepage);
        Assert.Equal(expected, await store.GroupingAsync());
        await store.AcceptAsync("cv:bo", Bo with { Skills = ["Rust"] }, version: 2);
        Assert.Equal(expected, await store.GroupingAsync());
        store.Restart();
        await store.AcceptAsync("homepage:ana", AnaHomepage with { Skills = ["Go"] }, version: 2);
        Assert.Equal(expected, await store.GroupingAsync());

        var identity = (await store.Store.GetIdentityAsync((await store.CandidateOfAsync("cv:ana"))!.Value, CancellationToken.None))!;
        Assert.Contains(identity.Links, l => l.DecidedBy == "alice (admin)" && l.Strength == "manual");
        Assert.Contains(identity.Links, l => l.DecidedBy == "carol (admin)" && l.Reason.Contains("not the same", StringComparison.Ordinal) && !l.Superseded);
        // Alice's "same person" for the homepage and Bo's CV was replaced by Carol's split: kept for the record, marked.
        Assert.Contains(identity.Links, l => l.DecidedBy == "alice (admin)" && l.SourceA == "homepage:ana" && l.Superseded);
        await using var connection = await store.Database.OpenAsync(CancellationToken.None);
        var audit = (await connection.QueryAsync<string>("SELECT detail FROM audit WHERE action LIKE 'identity %' ORDER BY id")).ToList();
        Assert.Equal(2, audit.Count);
        Assert.Contains("by alice (admin)", audit[0], StringComparison.Ordinal);
        Assert.Contains("by carol (admin)", audit[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_split_before_erasure_means_erasure_takes_only_that_persons_sources()
    {
        await using var store = await IdentityStore.CreateAsync();
        var ana = (await store.AcceptAsync("cv:ana", Ana)).CandidateId!.Value;
        var bo = (await store.AcceptAsync("cv:bo", Bo)).CandidateId!.Value;
        await store.Store.MergeCandidatesAsync(ana, bo, new IdentityActor("someone"), CancellationToken.None); // the wrong merge
        var split = await store.Store.SplitCandidateAsync(ana, ["cv:bo"], new IdentityActor("someone"), CancellationToken.None);
        Assert.True(split.Succeeded, split.Error);

        var report = await store.Store.EraseCandidateAsync((await store.CandidateOfAsync("cv:bo"))!.Value, CancellationToken.None);

        Assert.Equal(1, report.AcceptedSources);
        Assert.Equal(["cv:ana"], await store.GroupingAsync());
    }

    [Fact]
    public async Task A_split_keeps_the_id_with_the_person_the_candidate_was_first_about_however_many_sources_go()
    {
        await using var store = await IdentityStore.CreateAsync();
        var ana = (await store.AcceptAsync("cv:ana", Ana)).CandidateId!.Value;
        var first = (await store.AcceptAsync("cv:bo", Bo)).CandidateId!.Value;
        var cy = (await store.AcceptAsync("cv:cy", Person("Cy Okafor", "cy@uni-c.example.org", "Graph Kernels for Molecules"))).CandidateId!.Value;
        await store.Store.MergeCandidatesAsync(ana, first, new IdentityActor("someone"), CancellationToken.None);
        await store.Store.MergeCandidatesAsync(ana, cy, new IdentityActor("someone"), CancellationToken.None); // two wrong merges
        Assert.Equal(["cv:ana cv:bo cv:cy"], await store.GroupingAsync());

        // More sources go than stay: the id stays with the sources not named, the candidate's first source among them.
        var split = await store.Store.SplitCandidateAsync(ana, ["cv:bo", "cv:cy"], new IdentityActor("someone"), CancellationToken.None);

        Assert.True(split.Succeeded, split.Error);
        Assert.Equal(ana, await store.CandidateOfAsync("cv:ana"));
        Assert.NotEqual(ana, await store.CandidateOfAsync("cv:bo"));
        Assert.Equal(await store.CandidateOfAsync("cv:bo"), await store.CandidateOfAsync("cv:cy"));

        // The sources named are the ones that go, even the candidate's first: the id stays with the rest.
        var bo = (await store.CandidateOfAsync("cv:bo"))!.Value;
        Assert.True((await store.Store.SplitCandidateAsync(bo, ["cv:bo"], new IdentityActor("someone"), CancellationToken.None)).Succeeded);
        Assert.Equal(bo, await store.CandidateOfAsync("cv:cy"));
        Assert.NotEqual(bo, await store.CandidateOfAsync("cv:bo"));
        await store.AcceptAsync("cv:bo", Bo with { Skills = ["Rust"] }, version: 2); // and it holds when a source changes
        Assert.Equal(bo, await store.CandidateOfAsync("cv:cy"));
    }

    [Fact]
    public async Task A_removed_bridge_leaves_the_id_with_the_candidates_first_source()
    {
        await using var store = await IdentityStore.CreateAsync();
        var ana = (await store.AcceptAsync("cv:ana", Ana)).CandidateId!.Value;
        // A page with Ana's address and a second address joins Ana; two more pages under that second address join it.
        await store.AcceptAsync("bridge", new ExtractedProfile { Name = "Ana Lima", Emails = ["ana.lima@uni-a.example.org", "a.lima@elsewhere.example.org"] });
        await store.AcceptAsync("other:1", new ExtractedProfile { Name = "Ana Lima", Emails = ["a.lima@elsewhere.example.org"], Skills = ["Go"] });
        await store.AcceptAsync("other:2", new ExtractedProfile { Name = "Ana Lima", Emails = ["a.lima@elsewhere.example.org"], Skills = ["Rust"] });
        Assert.Equal(["bridge cv:ana other:1 other:2"], await store.GroupingAsync());

        Assert.True(await store.Store.RemoveSourceAsync("bridge", CancellationToken.None));

        Assert.Equal(["cv:ana", "other:1 other:2"], await store.GroupingAsync());
        Assert.Equal(ana, await store.CandidateOfAsync("cv:ana"));
    }

    [Fact]
    public async Task Bad_corrections_are_refused_with_a_reason()
    {
        await using var store = await IdentityStore.CreateAsync();
        var ana = (await store.AcceptAsync("cv:ana", Ana)).CandidateId!.Value;

        Assert.Equal("give two different candidates", (await store.Store.MergeCandidatesAsync(ana, ana, new IdentityActor("x"), CancellationToken.None)).Error);
        Assert.Equal("no candidate with id 999", (await store.Store.MergeCandidatesAsync(ana, 999, new IdentityActor("x"), CancellationToken.None)).Error);
        Assert.Equal("source cv:bo is not a source of candidate " + ana, (await store.Store.SplitCandidateAsync(ana, ["cv:bo"], new IdentityActor("x"), CancellationToken.None)).Error);
        Assert.NotNull((await store.Store.SplitCandidateAsync(ana, ["cv:ana"], new IdentityActor("x"), CancellationToken.None)).Error);
        Assert.Equal("a source id must not be empty", (await store.Store.SplitCandidateAsync(ana, [null!], new IdentityActor("x"), CancellationToken.None)).Error);
        Assert.Equal("a source id must not be empty", (await store.Store.SplitCandidateAsync(ana, [" "], new IdentityActor("x"), CancellationToken.None)).Error);
    }

    private static ExtractedProfile Person(string name, string email, params string[] titles) => new()
    {
        Name = name,
        Emails = [email],
        Publications = titles.Select(t => new Publication { Title = t, Venue = "KDD", Year = 2022, Kind = PublicationKind.Conference }).ToList(),
    };
}
