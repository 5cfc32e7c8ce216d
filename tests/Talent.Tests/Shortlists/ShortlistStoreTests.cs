using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Talent.Profiles;
using Talent.Storage;

namespace Talent.Tests.Shortlists;

/// <summary>Shortlists in SQLite: bounds, entries with tags and notes, the audit trail, merges, splits and erasure.</summary>
public sealed class ShortlistStoreTests : IAsyncLifetime
{
    private static readonly ShortlistActor Recruiter = new("API key tk_abc123", 7, "10.0.0.5");
    private readonly TempDirectory directory = new();
    private TalentDatabase database = null!; // set in InitializeAsync
    private CandidateStore candidates = null!; // set in InitializeAsync
    private ShortlistStore store = null!; // set in InitializeAsync

    public async Task InitializeAsync()
    {
        database = new TalentDatabase(Path.Combine(directory.Path, "talent.db"));
        await database.MigrateAsync(NullLogger.Instance, CancellationToken.None);
        candidates = new CandidateStore(database, TimeProvider.System);
        store = new ShortlistStore(database, TimeProvider.System);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("", "give the shortlist a name")]
    [InlineData("   ", "give the shortlist a name")]
    [InlineData("Backend\nhires", "line breaks")]
    [InlineData("Tab\there", "control characters")]
    [InlineData("ESC \u001b[31m red", "control characters")]
    public async Task A_bad_name_is_refused_naming_the_field_and_the_reason(string name, string reason)
    {
        var result = await store.CreateAsync(name, Recruiter, CancellationToken.None);
        Assert.Equal(ShortlistFailure.Invalid, result.Failure);
        Assert.Equal("name", result.Field);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Empty(await store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Names_are_trimmed_bounded_and_unique_whatever_their_case()
    {
        var created = await store.CreateAsync("  Backend   Q3  ", Recruiter, CancellationToken.None);
        Assert.Equal("Backend Q3", created.Value?.Name);
        Assert.Equal("API key tk_abc123", created.Value?.Owner);
        var again = await store.CreateAsync("backend q3", Recruiter, CancellationToken.None);
        Assert.Equal(("name", "a shortlist named 'backend q3' exists already"), (again.Field, again.Error));
        var tooLong = await store.CreateAsync(new string('n', ShortlistRules.MaxNameLength + 1), Recruiter, CancellationToken.None);
        Assert.Equal("the name is 101 characters long; the limit is 100", tooLong.Error);
        Assert.True((await store.CreateAsync(new string('n', ShortlistRules.MaxNameLength), Recruiter, CancellationToken.None)).Succeeded);

        var other = (await store.CreateAsync("Frontend", Recruiter, CancellationToken.None)).Value!; // created above
        Assert.Equal("name", (await store.RenameAsync(other.Id, "BACKEND Q3", Recruiter, CancellationToken.None)).Field);
        Assert.Equal("Web", (await store.RenameAsync(other.Id, "Web", Recruiter, CancellationToken.None)).Value?.Name);
        Assert.Equal(ShortlistFailure.NotFound, (await store.RenameAsync(9999, "Web 2", Recruiter, CancellationToken.None)).Failure);
    }

    [Fact]
    public async Task Tags_and_notes_are_bounded_and_a_list_holds_at_most_its_limit()
    {
        var list = (await store.CreateAsync("Bounded", Recruiter, CancellationToken.None)).Value!;
        var ana = await PersonAsync("ana", "Ana Lima", "ana@example.org");
        var tooManyTags = Enumerable.Range(1, ShortlistRules.MaxTags + 1).Select(i => $"tag{i}").ToArray();
        Assert.Equal(("tags", "at most 10 tags per candidate"), Refusal(await store.PutEntryAsync(list.Id, ana, tooManyTags, null, Recruiter, CancellationToken.None)));
        Assert.Equal("tags", (await store.PutEntryAsync(list.Id, ana, [new string('t', 41)], null, Recruiter, CancellationToken.None)).Field);
        Assert.Equal("note", (await store.PutEntryAsync(list.Id, ana, [], new string('x', 2001), Recruiter, CancellationToken.None)).Field);
        Assert.Equal("note", (await store.PutEntryAsync(list.Id, ana, [], "bell \u0007", Recruiter, CancellationToken.None)).Field);
        Assert.Equal(ShortlistFailure.NotFound, (await store.PutEntryAsync(list.Id, 424242, [], null, Recruiter, CancellationToken.None)).Failure);
        Assert.Equal(ShortlistFailure.NotFound, (await store.PutEntryAsync(9999, ana, [], null, Recruiter, CancellationToken.None)).Failure);
        Assert.Empty((await store.EntriesAsync(list.Id, null, CancellationToken.None))!);

        // A full list: filled directly, then one more candidate is refused while changing one already there is not.
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var transaction = TalentDatabase.BeginWrite(connection))
        {
            for (var i = 0; i < ShortlistRules.MaxEntries; i++)
            {
                var id = await connection.ExecuteScalarAsync<long>("INSERT INTO candidates (name, profile_json, created_at, updated_at) VALUES ('x', '{}', 'now', 'now') RETURNING id", transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO shortlist_entries (shortlist_id, candidate_id, added_by, added_at) VALUES (@list, @id, 'test', '2026-01-01T00:00:00+00:00')", new { list = list.Id, id }, transaction);
            }

            await transaction.CommitAsync();
        }

        var full = await store.PutEntryAsync(list.Id, ana, ["python"], null, Recruiter, CancellationToken.None);
        Assert.Equal(("candidateId", "the shortlist holds 1000 candidates, the limit; remove one first"), Refusal(full));
        var first = (await store.EntriesAsync(list.Id, null, CancellationToken.None))![0].CandidateId;
        Assert.True((await store.PutEntryAsync(list.Id, first, ["python"], null, Recruiter, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Entries_keep_tags_and_notes_filter_by_tag_and_every_change_is_audited_without_the_texts()
    {
        var list = (await store.CreateAsync("Platform team", Recruiter, CancellationToken.None)).Value!;
        var ana = await PersonAsync("ana", "Ana Lima", "ana@example.org");
        var bo = await PersonAsync("bo", "Bo Chen", "bo@example.org");
        var added = await store.PutEntryAsync(list.Id, ana, [" Python ", "SENIOR", "python", ""], "  strong systems background  ", Recruiter, CancellationToken.None);
        Assert.Equal(["python", "senior"], added.Value!.Tags);
        Assert.Equal("strong systems background", added.Value.Note);
        await store.PutEntryAsync(list.Id, bo, ["python"], null, new ShortlistActor("alice (command line)", null, "cli:alice"), CancellationToken.None);
        await store.PutEntryAsync(list.Id, ana, ["senior", "phone screen"], "call back in May", new ShortlistActor("someone else"), CancellationToken.None);

        var all = (await store.EntriesAsync(list.Id, null, CancellationToken.None))!;
        Assert.Equal([(ana, "Ana Lima"), (bo, "Bo Chen")], all.Select(e => (e.CandidateId, e.Name!)));
        Assert.Equal(["senior", "phone screen"], all[0].Tags);
        Assert.Equal("call back in May", all[0].Note);
        Assert.Equal("API key tk_abc123", all[0].AddedBy); // a change keeps who added the candidate
        Assert.Equal([bo], (await store.EntriesAsync(list.Id, "python", CancellationToken.None))!.Select(e => e.CandidateId));
        Assert.Equal([ana], (await store.EntriesAsync(list.Id, "phone screen", CancellationToken.None))!.Select(e => e.CandidateId));
        Assert.Equal([new TagCount("phone screen", 1), new TagCount("python", 1), new TagCount("senior", 1)], await store.TagsAsync(list.Id, CancellationToken.None));
        var membership = Assert.Single(await store.OfCandidateAsync(ana, CancellationToken.None));
        Assert.Equal((list.Id, "Platform team", "senior, phone screen", "call back in May"), (membership.ShortlistId, membership.ShortlistName, string.Join(", ", membership.Tags), membership.Note));

        Assert.True((await store.RemoveEntryAsync(list.Id, bo, Recruiter, CancellationToken.None)).Succeeded);
        Assert.Equal(ShortlistFailure.NotFound, (await store.RemoveEntryAsync(list.Id, bo, Recruiter, CancellationToken.None)).Failure);
        Assert.True((await store.DeleteAsync(list.Id, Recruiter, CancellationToken.None)).Succeeded);
        Assert.Null(await store.EntriesAsync(list.Id, null, CancellationToken.None));

        var audit = (await new AccessStore(database, TimeProvider.System).ReadAuditAsync(100, CancellationToken.None)).Reverse().ToList();
        Assert.Equal(
            ["shortlist create", "shortlist add", "shortlist add", "shortlist change", "shortlist remove", "shortlist delete"],
            audit.Select(a => a.Action));
        Assert.Equal((7L, "10.0.0.5"), (audit[0].KeyId!.Value, audit[0].Client!));
        Assert.Equal("cli:alice", audit[2].Client);
        Assert.Equal([bo], audit[4].CandidateIds);
        Assert.Equal([ana], audit[5].CandidateIds);
        Assert.Equal($"shortlist {list.Id}: 2 tag(s), a note", audit[1].Detail);
        Assert.All(audit, a => Assert.DoesNotContain("Platform", a.Detail ?? "", StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain("May", a.Detail ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_merge_moves_entries_to_the_surviving_candidate_and_a_split_leaves_them_there()
    {
        var team = (await store.CreateAsync("Team", Recruiter, CancellationToken.None)).Value!;
        var later = (await store.CreateAsync("Later", Recruiter, CancellationToken.None)).Value!;
        var cv = await PersonAsync("cv", "Ana Lima", "ana@example.org");
        var homepage = await PersonAsync("homepage", "Ana Lima", "ana.lima@lab.example.org");
        Assert.NotEqual(cv, homepage);
        await store.PutEntryAsync(team.Id, cv, ["python"], "from the CV", Recruiter, CancellationToken.None);
        await store.PutEntryAsync(team.Id, homepage, ["research"], "from the homepage", Recruiter, CancellationToken.None);
        await store.PutEntryAsync(later.Id, homepage, ["2027"], null, Recruiter, CancellationToken.None);

        var merged = await candidates.MergeCandidatesAsync(cv, homepage, new IdentityActor("admin"), CancellationToken.None);
        var survivor = Assert.Single(merged.CandidateIds);
        var entry = Assert.Single((await store.EntriesAsync(team.Id, null, CancellationToken.None))!);
        Assert.Equal(survivor, entry.CandidateId);
        Assert.Equal(["python", "research"], entry.Tags.Order(StringComparer.Ordinal));
        Assert.Contains("from the CV", entry.Note, StringComparison.Ordinal);
        Assert.Contains("from the homepage", entry.Note, StringComparison.Ordinal);
        Assert.Equal([survivor], (await store.EntriesAsync(later.Id, null, CancellationToken.None))!.Select(e => e.CandidateId));

        var split = await candidates.SplitCandidateAsync(survivor, ["homepage"], new IdentityActor("admin"), CancellationToken.None);
        Assert.Equal(2, split.CandidateIds.Count);
        Assert.Contains(survivor, split.CandidateIds);
        Assert.Equal([survivor], (await store.EntriesAsync(team.Id, null, CancellationToken.None))!.Select(e => e.CandidateId));
        Assert.Equal([survivor], (await store.EntriesAsync(later.Id, null, CancellationToken.None))!.Select(e => e.CandidateId));
    }

    [Fact]
    public async Task Erasure_deletes_the_persons_entries_and_scrubs_notes_about_them_on_other_entries()
    {
        var list = (await store.CreateAsync("Referrals", Recruiter, CancellationToken.None)).Value!;
        var ana = await PersonAsync("ana", "Ana Lima", "ana@example.org");
        var bo = await PersonAsync("bo", "Bo Chen", "bo@example.org");
        await store.PutEntryAsync(list.Id, ana, ["python"], "reach her at ana@example.org", Recruiter, CancellationToken.None);
        await store.PutEntryAsync(list.Id, bo, ["python"], "referred by Ana Lima (ANA@example.org)", Recruiter, CancellationToken.None);
        await store.PutEntryAsync(list.Id, await PersonAsync("cy", "Cy Park", "cy@example.org"), [], "met at a conference", Recruiter, CancellationToken.None);

        var report = await candidates.EraseCandidateAsync(ana, CancellationToken.None);
        Assert.Equal((1, 1), (report.ShortlistEntries, report.ShortlistNotes));
        Assert.Equal((1, 1), (await candidates.ErasureReportsAsync(ana, CancellationToken.None)) is [var stored] ? (stored.ShortlistEntries, stored.ShortlistNotes) : (0, 0));
        var left = (await store.EntriesAsync(list.Id, null, CancellationToken.None))!;
        Assert.Equal([(bo, CandidateStore.ErasedText), (left[1].CandidateId, "met at a conference")], left.Select(e => (e.CandidateId, e.Note!)));
        Assert.Empty(await store.OfCandidateAsync(ana, CancellationToken.None));
    }

    [Fact]
    public async Task Entries_an_erasure_moves_to_the_candidate_that_takes_the_persons_other_sources_are_not_counted_as_removed()
    {
        // A page that names nobody, holding Bo's address, was joined to Ana's CV by hand; Ana's name keeps it from Bo.
        var list = (await store.CreateAsync("Team", Recruiter, CancellationToken.None)).Value!;
        var ana = await PersonAsync("ana-cv", "Ana Lima", "ana@example.org");
        var page = await PersonAsync("page", null, "bo@example.org");
        var joined = Assert.Single((await candidates.MergeCandidatesAsync(ana, page, new IdentityActor("admin"), CancellationToken.None)).CandidateIds);
        var bo = await PersonAsync("bo-cv", "Bo Chen", "bo@example.org");
        Assert.Equal(bo, await PersonAsync("bo-homepage", "Bo Chen", "bo@example.org"));
        Assert.NotEqual(joined, bo);
        await store.PutEntryAsync(list.Id, joined, ["python"], "strong on data", Recruiter, CancellationToken.None);

        // Without Ana's CV the page goes to Bo, and the entry with it.
        var report = await candidates.EraseSourceAsync("ana-cv", CancellationToken.None);
        Assert.True(report.CandidateRemoved);
        Assert.Equal(["bo-cv", "bo-homepage", "page"], (await candidates.GetIdentityAsync(bo, CancellationToken.None))!.SourceIds.Order(StringComparer.Ordinal));
        var entry = Assert.Single((await store.EntriesAsync(list.Id, null, CancellationToken.None))!);
        Assert.Equal((bo, "strong on data"), (entry.CandidateId, entry.Note));
        Assert.Equal(0, report.ShortlistEntries);
        Assert.Equal(0, Assert.Single(await candidates.ErasureReportsAsync(joined, CancellationToken.None)).ShortlistEntries);
    }

    private static (string?, string?) Refusal<T>(ShortlistResult<T> result) => (result.Field, result.Error);

    private async Task<long> PersonAsync(string sourceId, string? name, string email)
    {
        var outcome = await candidates.StoreAcceptedAsync(
            new IncomingDocument(sourceId, 1, "text/markdown", $"# {name ?? "Contact"}\n{email}\n", null, "hash-" + sourceId, DateTimeOffset.UtcNow),
            new ExtractedProfile { Name = name, Emails = [email] },
            CancellationToken.None);
        return outcome.CandidateId!.Value; // an accepted document has a candidate
    }
}
