using System.Text.Json;
using Lucene.Net.Documents;
using Talent.Profiles.Catalogs;
using Talent.Search;

namespace Talent.Tests.Search;

/// <summary>
/// The candidate a hit or a match reads back is stored in its document as UTF-8 bytes; an index written before that
/// holds it as text and must still be read, until a reindex rewrites it.
/// </summary>
public sealed class StoredCandidateTests
{
    private static readonly ProfileCatalogs Catalogs = ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config"));

    [Fact]
    public void A_candidate_is_stored_as_bytes_and_read_back_whole()
    {
        var document = CandidateDocument.Create(7, SearchTestCorpus.PersonAProfile, DateTimeOffset.UnixEpoch, Catalogs);

        Assert.NotNull(document.GetBinaryValue(IndexFields.Stored));
        Assert.Null(document.Get(IndexFields.Stored));
        var candidate = Assert.IsType<StoredCandidate>(CandidateDocument.Read(document));
        Assert.Equal(7, candidate.Id);
        Assert.Equal(SearchTestCorpus.PersonAProfile.Name, candidate.Name);
        Assert.Equal(SearchTestCorpus.PersonAProfile.Publications.Select(p => p.Publication.Title), candidate.Publications.Select(p => p.Title));
    }

    [Fact]
    public void Interests_are_stored_for_the_cards_and_a_hostile_number_of_them_is_bounded()
    {
        var few = SearchTestCorpus.PersonAProfile with { Interests = ["Video generation", "Sequence parallelism"] };
        Assert.Equal(few.Interests, CandidateDocument.Read(CandidateDocument.Create(7, few, DateTimeOffset.UnixEpoch, Catalogs))!.Interests);

        // Every line a topic and 4,000 characters long, ending in a character outside the basic plane at the cut.
        var line = "Video generation " + new string('x', 282) + "😀" + new string('y', 3_700);
        var hostile = SearchTestCorpus.PersonAProfile with { Interests = [.. Enumerable.Range(0, 2_000).Select(i => line + i)] };
        var stored = CandidateDocument.Read(CandidateDocument.Create(7, hostile, DateTimeOffset.UnixEpoch, Catalogs))!.Interests!;
        Assert.InRange(stored.Count, 1, 30);
        Assert.All(stored, i => Assert.Equal(line[..299], i));
    }

    [Fact]
    public void A_candidate_stored_as_text_by_an_earlier_index_is_read_as_before()
    {
        var stored = CandidateDocument.Read(CandidateDocument.Create(7, SearchTestCorpus.PersonAProfile, DateTimeOffset.UnixEpoch, Catalogs))!;
        var earlier = new Document { new StoredField(IndexFields.Stored, JsonSerializer.Serialize(stored, StoredCandidateJson.Default.StoredCandidate)) };

        var read = Assert.IsType<StoredCandidate>(CandidateDocument.Read(earlier));
        Assert.Equal(
            JsonSerializer.Serialize(stored, StoredCandidateJson.Default.StoredCandidate),
            JsonSerializer.Serialize(read, StoredCandidateJson.Default.StoredCandidate));
        Assert.Null(CandidateDocument.Read(new Document()));
    }
}
