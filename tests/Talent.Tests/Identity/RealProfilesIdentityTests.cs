using System.Text.Json;
using Talent.Server.Ingestion;
using Talent.Tests.Evaluation;

namespace Talent.Tests.Identity;

/// <summary>
/// Acceptance on the 40 real labelled documents in <c>../shared/data/real-profiles</c> (issue 17): the people with two
/// documents (an about page or CV and the BibTeX list from the same repository) each end as one candidate, and no two
/// other documents merge. Each document is stored with the address it was taken from (repository, commit and path in
/// <c>labels.json</c>), as a crawler would record it.
/// </summary>
public sealed class RealProfilesIdentityTests
{
    private static string Directory => Path.Combine(TestPaths.SharedDirectory, "data", "real-profiles");

    [RealProfilesFact]
    public async Task The_people_with_two_documents_are_one_candidate_each_and_nobody_else_merges()
    {
        using var labels = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Directory, "labels.json")));
        var documents = labels.RootElement.GetProperty("documents").EnumerateArray().Select(d => (
            Id: d.GetProperty("id").GetString()!,
            File: d.GetProperty("file").GetString()!,
            Uri: $"https://github.com/{d.GetProperty("repo").GetString()}/blob/{d.GetProperty("commit").GetString()}/{d.GetProperty("path").GetString()}")).ToList();
        await using var store = await IdentityStore.CreateAsync();
        foreach (var document in documents)
        {
            var path = Path.Combine(Directory, document.File);
            var content = await File.ReadAllTextAsync(path);
            var contentType = DocumentIngestion.ContentTypeForFile(path);
            var profile = IdentityStore.TryExtract(document.Id, content, contentType);
            if (profile is null)
            {
                continue; // not readable: nothing to group
            }

            var incoming = IdentityStore.Document(document.Id, 1, content) with { ContentType = contentType, Uri = document.Uri };
            await store.Store.StoreAcceptedAsync(incoming, profile, CancellationToken.None);
        }

        // Who shares a repository is written in the README there: r03/r04, r13/r14, r05/r39.
        var grouping = await store.GroupingAsync();
        var pairs = new[] { "r03 r04", "r13 r14", "r05 r39" };
        Assert.All(pairs, pair => Assert.Contains(pair, grouping));
        Assert.All(grouping.Except(pairs), group => Assert.DoesNotContain(' ', group));
    }
}
