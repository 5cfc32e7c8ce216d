using System.Text.Json;
using Talent.Embeddings;
using Talent.Profiles.Merging;
using Talent.Search.Ranking;
using Talent.Storage;

namespace Talent.Server.Embeddings;

/// <summary>
/// The texts of a candidate that get sentence vectors (each publication's title and abstract, their own words) and the
/// keys those vectors are stored under. The backlog embeds them; a rebuild compares them with the keys stored, so
/// vectors of texts Talent now reads differently (a newer extraction, own words that hold more) are computed again.
/// </summary>
public static class CandidateTexts
{
    /// <summary>
    /// Publications of one candidate that get vectors, in the profile's order: more than a CV or a publication list of
    /// even a very prolific researcher holds, so a hostile document of tens of thousands of entries costs the model a
    /// bounded time; the rest are read by words.
    /// </summary>
    public const int MaxPublications = 1_000;

    /// <summary>The candidate's vector keys, and each text to embed under its key (texts as the model reads them).</summary>
    public static (CandidateVectorKeys Keys, IReadOnlyList<(string Key, string Text)> Texts) Of(long candidateId, CandidateProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var texts = new List<(string Key, string Text)>();
        var publications = new List<(string Title, string Key)>();
        foreach (var paper in profile.Publications.Select(p => p.Publication).Where(p => !string.IsNullOrWhiteSpace(p.Title)).Take(MaxPublications))
        {
            var text = EmbeddingText.Publication(paper.Title, paper.Abstract);
            var key = EmbeddingText.Key(text);
            texts.Add((key, text));
            publications.Add((paper.Title.Trim(), key));
        }

        var own = OwnText.Of(profile);
        string? ownKey = null;
        if (own.Length > 0)
        {
            ownKey = EmbeddingText.Key(own);
            texts.Add((ownKey, EmbeddingText.Cut(own)));
        }

        return (new CandidateVectorKeys(candidateId, ownKey, publications), texts);
    }

    /// <summary>Whether the vectors stored for a candidate are those of the texts its profile gives now.</summary>
    public static bool AreCurrent(CandidateProfile profile, StoredVectorKeys stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var (keys, _) = Of(0, profile);
        if (!string.Equals(keys.ProfileKey, stored.ProfileKey, StringComparison.Ordinal))
        {
            return false;
        }

        string[][]? pairs;
        try
        {
            pairs = JsonSerializer.Deserialize<string[][]>(stored.PublicationKeys);
        }
        catch (JsonException)
        {
            return false;
        }

        return pairs is not null
            && pairs.Length == keys.Publications.Count
            && pairs.Zip(keys.Publications).All(p => p.First is [var title, var key]
                && string.Equals(title, p.Second.Title, StringComparison.Ordinal)
                && string.Equals(key, p.Second.Key, StringComparison.Ordinal));
    }
}
