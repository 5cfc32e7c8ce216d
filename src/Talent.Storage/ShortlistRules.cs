using System.Globalization;
using System.Text;

namespace Talent.Storage;

/// <summary>
/// The bounds of shortlists, checked the same way for every caller (HTTP, command line, web page): a list name, tags and
/// a note are short texts without control characters, a list holds a bounded number of candidates. Each check gives the
/// cleaned value or a reason a person can act on.
/// </summary>
public static class ShortlistRules
{
    public const int MaxNameLength = 100;
    public const int MaxTagLength = 40;
    public const int MaxTags = 10;
    public const int MaxNoteLength = 2000;
    public const int MaxEntries = 1000;
    public const int MaxShortlists = 500;

    /// <summary>A list name: trimmed, inner runs of spaces made one, 1 to <see cref="MaxNameLength"/> characters, one line.</summary>
    public static (string? Name, string? Error) CheckName(string? name)
    {
        var cleaned = OneSpaced(name ?? "");
        if (cleaned.Length == 0)
        {
            return (null, "give the shortlist a name");
        }

        if (cleaned.Length > MaxNameLength)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"the name is {cleaned.Length} characters long; the limit is {MaxNameLength}"));
        }

        return HasControl(cleaned, allowLineBreaks: false) ? (null, "the name may not hold control characters or line breaks") : (cleaned, null);
    }

    /// <summary>
    /// Tags: each trimmed, inner spaces made one and lower-cased (invariant), 1 to <see cref="MaxTagLength"/> characters, at
    /// most <see cref="MaxTags"/> distinct ones. Empty values are dropped.
    /// </summary>
    public static (IReadOnlyList<string>? Tags, string? Error) CheckTags(IEnumerable<string?>? tags)
    {
        var cleaned = new List<string>();
        foreach (var raw in tags ?? [])
        {
            var tag = OneSpaced(raw ?? "").ToLowerInvariant();
            if (tag.Length == 0 || cleaned.Contains(tag, StringComparer.Ordinal))
            {
                continue;
            }

            if (tag.Length > MaxTagLength)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"the tag '{tag[..20]}…' is {tag.Length} characters long; the limit is {MaxTagLength}"));
            }

            if (HasControl(tag, allowLineBreaks: false))
            {
                return (null, "a tag may not hold control characters or line breaks");
            }

            cleaned.Add(tag);
            if (cleaned.Count > MaxTags)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"at most {MaxTags} tags per candidate"));
            }
        }

        return (cleaned, null);
    }

    /// <summary>One tag as a filter: cleaned as a stored tag is, or an error.</summary>
    public static (string? Tag, string? Error) CheckTag(string? tag)
    {
        var (tags, error) = CheckTags([tag]);
        return error is not null ? (null, error) : tags is [var one] ? (one, null) : (null, "give a tag");
    }

    /// <summary>A note: trimmed, up to <see cref="MaxNoteLength"/> characters, line breaks and tabs allowed; empty is none.</summary>
    public static (string? Note, string? Error) CheckNote(string? note)
    {
        var cleaned = note?.Trim() ?? "";
        if (cleaned.Length > MaxNoteLength)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"the note is {cleaned.Length} characters long; the limit is {MaxNoteLength}"));
        }

        if (HasControl(cleaned, allowLineBreaks: true))
        {
            return (null, "the note may not hold control characters other than line breaks and tabs");
        }

        return (cleaned.Length == 0 ? null : cleaned, null);
    }

    /// <summary>Two entries' tags as one (an entry of a merged candidate), the first's first, within <see cref="MaxTags"/>.</summary>
    internal static List<string> Union(IEnumerable<string> first, IEnumerable<string> second) =>
        first.Concat(second).Distinct(StringComparer.Ordinal).Take(MaxTags).ToList();

    /// <summary>Two entries' notes as one: both when they differ, within <see cref="MaxNoteLength"/>.</summary>
    internal static string? Joined(string? first, string? second)
    {
        if (string.IsNullOrEmpty(first) || string.Equals(first, second, StringComparison.Ordinal))
        {
            return string.IsNullOrEmpty(first) ? second : first;
        }

        if (string.IsNullOrEmpty(second))
        {
            return first;
        }

        var joined = first + "\n" + second;
        return joined.Length > MaxNoteLength ? joined[..MaxNoteLength] : joined;
    }

    private static string OneSpaced(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 4 * MaxNoteLength));
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (c is ' ' or '\u00A0' or '\u3000')
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
            if (builder.Length > 4 * MaxNoteLength)
            {
                break; // already far over every limit: the length check refuses it
            }
        }

        return builder.ToString();
    }

    private static bool HasControl(string text, bool allowLineBreaks)
    {
        foreach (var c in text)
        {
            if ((char.IsControl(c) || c is '\u2028' or '\u2029') && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Who changed a shortlist: a name for the record (owner, added by), and the API key and client address for the audit trail.</summary>
public sealed record ShortlistActor(string Name, long? KeyId = null, string? Client = null);

/// <summary>A named shortlist: who created it and when, and how many candidates it holds.</summary>
public sealed record Shortlist(long Id, string Name, string Owner, DateTimeOffset CreatedAt, int Entries);

/// <summary>A candidate on a shortlist: their name as stored, the tags and note, who added them and when.</summary>
public sealed record ShortlistEntry(long CandidateId, string? Name, IReadOnlyList<string> Tags, string? Note, string AddedBy, DateTimeOffset AddedAt);

/// <summary>A shortlist a candidate is on, with the tags and note of their entry there.</summary>
public sealed record ShortlistMembership(long ShortlistId, string ShortlistName, IReadOnlyList<string> Tags, string? Note);

/// <summary>A tag of a shortlist with the number of its candidates that carry it.</summary>
public sealed record TagCount(string Value, int Count);

/// <summary>Why a shortlist change was refused.</summary>
public enum ShortlistFailure
{
    None,

    /// <summary>Bad input: <see cref="ShortlistResult{T}.Field"/> names what.</summary>
    Invalid,

    /// <summary>No such shortlist, candidate, or candidate on the list.</summary>
    NotFound,
}

/// <summary>The outcome of a shortlist change: the value, or why not (a field and a reason, or something not found).</summary>
public sealed record ShortlistResult<T>(T? Value, ShortlistFailure Failure = ShortlistFailure.None, string? Field = null, string? Error = null)
{
    public bool Succeeded => Failure == ShortlistFailure.None;

    public static ShortlistResult<T> Invalid(string field, string error) => new(default, ShortlistFailure.Invalid, field, error);

    public static ShortlistResult<T> Missing(string field, string error) => new(default, ShortlistFailure.NotFound, field, error);
}
