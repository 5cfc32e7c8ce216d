using System.Globalization;
using System.Text.Json;
using Talent.Search;
using Talent.Storage;

namespace Talent.Server.Api;

/// <summary>A candidate on a shortlist as a card: who they are now (from the index) beside the list's tags and note.</summary>
public sealed record ShortlistCard(
    long CandidateId,
    string Name,
    string? Title,
    string? Employer,
    string? Location,
    IReadOnlyList<string> Tags,
    string? Note,
    string AddedBy,
    DateTimeOffset AddedAt);

/// <summary>A shortlist with its tags (and how many candidates carry each) and its candidates as cards, filtered by a tag when asked.</summary>
public sealed record ShortlistView(long Id, string Name, string Owner, DateTimeOffset CreatedAt, int Entries, string? Tag, IReadOnlyList<TagCount> Tags, IReadOnlyList<ShortlistCard> Candidates);

/// <summary>
/// Shortlist entries as cards and as an export (CSV or JSON lines, the CSV quoted as the search export's is): the same
/// shape for <c>GET /api/shortlists/{id}</c>, its export and <c>talent shortlist show|export</c>.
/// </summary>
public static class ShortlistCards
{
    public static readonly string[] Columns = ["candidate_id", "name", "title", "employer", "location", "tags", "note", "added_by", "added_at"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Each entry with the card the index holds for its candidate (current title, employer, place); a candidate the index
    /// does not hold yet shows their stored name only.
    /// </summary>
    public static List<ShortlistCard> Compose(IReadOnlyList<ShortlistEntry> entries, CandidateIndex index)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(index);
        var cards = index.Cards(entries.Select(e => e.CandidateId));
        return entries.Select(e => cards.TryGetValue(e.CandidateId, out var hit)
                ? new ShortlistCard(e.CandidateId, hit.DisplayName, hit.Title, hit.Employer, hit.Location, e.Tags, e.Note, e.AddedBy, e.AddedAt)
                : new ShortlistCard(e.CandidateId, e.Name ?? CandidateCard.NameNotStated, null, null, null, e.Tags, e.Note, e.AddedBy, e.AddedAt))
            .ToList();
    }

    /// <summary>A header and one CSV row per card.</summary>
    public static async Task WriteCsvAsync(IEnumerable<ShortlistCard> cards, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteAsync(string.Join(',', Columns) + "\r\n");
        foreach (var card in cards)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(Row(card) + "\r\n");
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One JSON object per line.</summary>
    public static async Task WriteJsonLinesAsync(IEnumerable<ShortlistCard> cards, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var card in cards)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(JsonSerializer.Serialize(card, Json) + "\n");
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Row(ShortlistCard card) => string.Join(',', new[]
    {
        card.CandidateId.ToString(CultureInfo.InvariantCulture),
        card.Name,
        card.Title,
        card.Employer,
        card.Location,
        string.Join("; ", card.Tags),
        card.Note,
        card.AddedBy,
        card.AddedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    }.Select(SearchExport.Field));
}
