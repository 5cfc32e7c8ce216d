using System.Globalization;
using System.Text;
using Talent.Profiles;

namespace Talent.Storage;

/// <summary>
/// What erasure recognises a person by in free text: their e-mail addresses, phone numbers and homepages (contact
/// details: enough to say a rejected document is theirs) and the words of their name (enough, with the contact
/// details, to say an audited query asked for them). Every check is one linear pass over the text.
/// </summary>
internal sealed class PersonTraces
{
    /// <summary>A phone number has at least this many digits; shorter runs are years, counts and page numbers.</summary>
    private const int MinPhoneDigits = 7;

    private readonly List<string> emails = [];
    private readonly List<string> phones = [];
    private readonly List<string> homepages = [];
    private readonly List<string[]> names = [];

    public bool IsEmpty => emails.Count == 0 && phones.Count == 0 && homepages.Count == 0 && names.Count == 0;

    /// <summary>The traces as stored while an erasure's work outside SQLite is pending (see <see cref="ErasedPerson"/>).</summary>
    internal Stored ToStored(IEnumerable<string> sourceIds) => new([.. sourceIds], [.. emails], [.. phones], [.. homepages], [.. names]);

    /// <summary>The traces back from their stored form, as they were.</summary>
    internal static PersonTraces FromStored(Stored stored)
    {
        var traces = new PersonTraces();
        traces.emails.AddRange(stored.Emails);
        traces.phones.AddRange(stored.Phones);
        traces.homepages.AddRange(stored.Homepages);
        traces.names.AddRange(stored.Names);
        return traces;
    }

    /// <summary>The traces of the profiles a person's sources gave.</summary>
    public static PersonTraces Of(IEnumerable<ExtractedProfile> profiles)
    {
        var traces = new PersonTraces();
        foreach (var profile in profiles)
        {
            traces.Add(profile);
        }

        return traces;
    }

    public void Add(ExtractedProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        foreach (var email in profile.Emails.Where(e => e.Contains('@', StringComparison.Ordinal)))
        {
            AddDistinct(emails, email.Trim().ToLowerInvariant());
        }

        foreach (var phone in profile.Phones.Select(DigitsOf).Where(d => d.Length >= MinPhoneDigits))
        {
            AddDistinct(phones, phone.TrimStart('0'));
        }

        foreach (var homepage in profile.Homepages.Select(NormalizeAddress).Where(h => h.Length >= 4))
        {
            AddDistinct(homepages, homepage);
        }

        var words = Words(profile.Name ?? "").Distinct(StringComparer.Ordinal).ToArray();
        if (words.Length >= 2 && !names.Exists(n => n.SequenceEqual(words)))
        {
            // A single word is no name to erase by: it would match anybody's query.
            names.Add(words);
        }
    }

    /// <summary>True when <paramref name="text"/> holds one of the person's e-mail addresses, phone numbers or homepages.</summary>
    public bool SharesContact(string? text) =>
        !string.IsNullOrEmpty(text)
        && (emails.Exists(e => text.Contains(e, StringComparison.OrdinalIgnoreCase))
            || homepages.Exists(h => text.Contains(h, StringComparison.OrdinalIgnoreCase))
            || HoldsPhone(text));

    /// <summary>True when <paramref name="text"/> holds a contact detail of the person, or every word of their name (in any order).</summary>
    public bool Mentions(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (SharesContact(text))
        {
            return true;
        }

        if (names.Count == 0)
        {
            return false;
        }

        var words = Words(text).ToHashSet(StringComparer.Ordinal);
        return names.Exists(name => Array.TrueForAll(name, words.Contains));
    }

    /// <summary>
    /// Whether a run of digits and the separators phone numbers are written with (spaces, dots, dashes, slashes,
    /// parentheses, a leading plus) is one of the person's numbers: it contains it, or is it without a country code
    /// or trunk zero (at least seven digits either way).
    /// </summary>
    private bool HoldsPhone(string text)
    {
        if (phones.Count == 0)
        {
            return false;
        }

        var run = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (char.IsAsciiDigit(c))
            {
                run.Append(c);
                continue;
            }

            if (c is ' ' or '.' or '-' or '/' or '(' or ')' or '+' or '\u00A0' && run.Length > 0)
            {
                continue;
            }

            if (run.Length >= MinPhoneDigits && MatchesPhone(run.ToString().TrimStart('0')))
            {
                return true;
            }

            run.Clear();
        }

        return false;
    }

    private bool MatchesPhone(string digits) =>
        digits.Length >= MinPhoneDigits
        && phones.Exists(p => digits.Contains(p, StringComparison.Ordinal) || p.EndsWith(digits, StringComparison.Ordinal));

    private static string DigitsOf(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    /// <summary>An address as it is written in text: no scheme, no <c>www.</c>, no trailing slash, lower case.</summary>
    internal static string NormalizeAddress(string address)
    {
        var value = address.Trim().ToLowerInvariant();
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            value = value[(scheme + 3)..];
        }

        if (value.StartsWith("www.", StringComparison.Ordinal))
        {
            value = value[4..];
        }

        return value.TrimEnd('/');
    }

    /// <summary>The words of a text, lower case and without accents, at least two letters each.</summary>
    internal static IEnumerable<string> Words(string text)
    {
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var letter = i < folded.Length && char.IsLetter(folded[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (i - start >= 2)
                {
                    yield return folded[start..i];
                }

                start = -1;
            }
        }
    }

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (value.Length > 0 && !list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }

    /// <summary>A person's traces with the ids of their erased sources, as JSON in <c>erasure_pending</c>.</summary>
    internal sealed record Stored(string[] SourceIds, string[] Emails, string[] Phones, string[] Homepages, string[][] Names);
}
