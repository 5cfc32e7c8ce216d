using System.Globalization;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads one publication entry by its features, wherever it stands (a list item, a paragraph, a definition, a table
/// row): a title in quotes, emphasis or a link; the owner in an author list (bold, starred, initialled); a venue from the
/// catalog or the words after the title; a year (four digits, or two after an apostrophe: <c>PPoPP'19</c>).
/// </summary>
internal static partial class PublicationFeatures
{

    /// <summary>The publication the entry describes, or null when it lacks a title or both a venue and an author list.</summary>
    public static Publication? Read(string text, IReadOnlyList<LinkRef> links, string? owner, VenueCatalog venues, ExtractionVocabulary vocabulary)
    {
        if (text.Length is < 15 or > 3_000)
        {
            return null;
        }

        var (title, titleStart, titleEnd) = FindTitle(text, links, owner, venues, vocabulary.LinkLabels);
        if (title is null || title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3)
        {
            return null;
        }

        var before = titleStart > 0 ? text[..titleStart] : string.Empty;
        var after = titleEnd < text.Length ? text[titleEnd..] : string.Empty;
        var venue = FindVenue(before, after, venues, vocabulary);
        var year = CitedYear(before) ?? venue?.Year ?? YearIn(after) ?? YearIn(before);
        var authorPart = WithoutTag(MarkupText.ToPlain(StripYear(before.Replace('\n', ' '))));
        var authorText = authorPart.Trim(' ', '.', ',', ':', '-');
        var authors = AuthorList.Parse(authorText, 1) ?? AuthorList.ParseInverted(authorText) ?? SurnameFirstAuthors.FirstInverted(authorText);
        if (authors is null && PublicationNotation.AuthorLineUnder(after, owner) is { } under)
        {
            (authors, authorPart) = under;
        }

        authors ??= [];
        if (venue?.Venue is null && year is null && authors.Count < 2)
        {
            return null;
        }

        var position = AuthorList.PositionOf(owner, authors);
        return new Publication
        {
            Title = title,
            Authors = authors,
            Venue = venue?.Venue,
            VenueRaw = venue?.Venue is null ? null : venue.Raw,
            Year = year,
            Kind = venue?.Kind ?? PublicationKind.Unknown,
            AuthorPosition = position,
            FirstAuthor = position == 1,
            MoreAuthors = authors.Count > 0 && AuthorList.EndsOpen(authorPart),
        };
    }

    /// <summary>
    /// The emphasised run is the owner's name ("**Ada Lovelace**" in an author list), not a title; with no owner known
    /// nothing is (a run that is no person's name must not equal an unknown owner).
    /// </summary>
    private static bool IsOwnerName(string run, string? owner) =>
        owner is not null && string.Equals(AuthorList.AsPersonName(run), owner, StringComparison.Ordinal);

    /// <summary>The title: quoted text, else an emphasised run or link text that is neither a name nor a venue, else the sentence after the authors.</summary>
    private static (string? Title, int Start, int End) FindTitle(string text, IReadOnlyList<LinkRef> links, string? owner, VenueCatalog venues, IReadOnlySet<string> linkLabels) =>
        MarkedTitle(text, links, owner, venues, linkLabels) ?? TitleAfterAuthors(text) ?? (null, 0, 0);

    /// <summary>A title the entry marks: quoted, emphasised (neither a name nor a venue) or a link's text.</summary>
    private static (string? Title, int Start, int End)? MarkedTitle(string text, IReadOnlyList<LinkRef> links, string? owner, VenueCatalog venues, IReadOnlySet<string> linkLabels)
    {
        foreach (var (open, close) in new[] { ('"', '"'), ('“', '”'), ('„', '“'), ('«', '»') })
        {
            var start = text.IndexOf(open, StringComparison.Ordinal);
            var end = start >= 0 ? text.IndexOf(close, start + 1) : -1;
            if (end > start + 10)
            {
                return (Clean(text[(start + 1)..end]), start, end + 1);
            }
        }

        // An entry that opens with an emphasised run of several words opens with its title ("**Title**<br>Authors<br>Venue").
        if (EmphasisRuns(text).FirstOrDefault() is { Inner: { } leading } run && text[..run.Start].Trim(' ', '-', '[', ']').Length == 0)
        {
            var plain = MarkupText.ToPlain(leading).Trim();
            if (plain.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 && !HasInitials(plain) && !IsVenue(plain, venues)
                && !IsOwnerName(plain, owner))
            {
                return (Clean(plain), run.Start, run.End);
            }
        }

        foreach (var (start, end, inner) in EmphasisRuns(text))
        {
            var plain = MarkupText.ToPlain(inner).Trim();
            if (plain.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 && !ReadsAsAuthors(plain, text[..start]) && !HasInitials(plain) && !AfterIn(text[..start])
                && !IsOwnerName(plain, owner) && !IsVenue(plain, venues))
            {
                return (Clean(plain), start, end);
            }
        }

        foreach (var link in links)
        {
            if (link.Label is { } label && label.Split(' ').Length >= 4 && !linkLabels.Contains(label.Trim('[', ']').ToLowerInvariant()))
            {
                var at = text.IndexOf(label, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return (Clean(label), at, at + label.Length);
                }
            }
        }

        return null;
    }

    /// <summary>A title found by its place: the sentence after the author list (and its year, when one sits between).</summary>
    private static (string? Title, int Start, int End)? TitleAfterAuthors(string text)
    {
        // "Authors (2016), Title. Venue.": an author-year citation; the title is the sentence after the year.
        var yearOpen = text.IndexOf("(", StringComparison.Ordinal);
        while (yearOpen > 0)
        {
            var yearClose = text.IndexOf(')', yearOpen);
            if (yearClose > yearOpen && IsDateSlot(text[(yearOpen + 1)..yearClose])
                && LooksLikeAuthorText(MarkupText.ToPlain(text[..yearOpen]).Replace('\n', ' ')))
            {
                var rest = text[(yearClose + 1)..].TrimStart('.', ',', ' ', ':');
                var restStart = text.Length - rest.Length;
                var sentence = Sentences(rest).FirstOrDefault();
                if (sentence is not null)
                {
                    return (Clean(sentence.Text), restStart, restStart + sentence.Text.Length);
                }
            }

            yearOpen = yearClose > 0 ? text.IndexOf('(', yearClose) : -1;
        }

        // "Surname, I. I., Surname, I. Title. Venue, 2018.": the sentence after the last initial that still ends the author list.
        if (SurnameFirstAuthors.End(text) is { } authorsEnd && Sentences(text[authorsEnd..]).FirstOrDefault() is { } afterAuthors)
        {
            var start = authorsEnd + afterAuthors.Start;
            return (Clean(MarkupText.ToPlain(afterAuthors.Text)), start, start + afterAuthors.Text.Length);
        }

        // "Authors. Title. Venue, 2021.": the sentence after the author list.
        var sentences = Sentences(text);
        for (var i = 0; i + 1 < sentences.Count; i++)
        {
            var candidate = MarkupText.ToPlain(StripYear(sentences[i].Text)).Trim(' ', '.', ',');
            if (AuthorList.Parse(candidate, 1) is not null || (i == 0 && SurnameFirstAuthors.FirstInverted(candidate) is { Count: >= 2 }))
            {
                // "Jane Roe and Alan Turing. 2023. Title. In …": the ACM reference format sets the year between them.
                var next = sentences[i + 1];
                var year = LeadingYearLength(next.Text);
                return (Clean(MarkupText.ToPlain(next.Text[year..])), next.Start + year, next.Start + next.Text.Length);
            }
        }

        return null;
    }

    /// <summary>
    /// The length of a year and its full stop opening a sentence ("2023. Title", "2023a. Title", as ACM's reference format
    /// sets it between authors and title), spaces before and after included; 0 when it opens with none.
    /// </summary>
    internal static int LeadingYearLength(string sentence)
    {
        var text = sentence.AsSpan();
        var spaces = text.Length - text.TrimStart().Length;
        text = text[spaces..];
        var stop = text.Length > 4 && char.IsAsciiLetterLower(text[4]) ? 5 : 4;
        if (text.Length <= stop + 1 || YearIn(text[..4].ToString()) is null || text[stop] != '.' || !char.IsWhiteSpace(text[stop + 1]))
        {
            return 0;
        }

        var rest = text[(stop + 1)..];
        var after = rest.Length - rest.TrimStart().Length;
        return after < rest.Length ? spaces + stop + 1 + after : 0;
    }

    /// <summary>"In *Venue*", "In: *Venue*": what a citation emphasises after "In" is the book or proceedings it is in, not its title.</summary>
    private static bool AfterIn(string before)
    {
        var text = before.TrimEnd(' ', ':');
        return text.EndsWith("In", StringComparison.OrdinalIgnoreCase) && (text.Length == 2 || !char.IsLetterOrDigit(text[^3]));
    }

    private static int? YearIn(string text)
    {
        int? found = null;
        for (var i = 0; i + 4 <= text.Length; i++)
        {
            if ((text[i] == '1' && text[i + 1] == '9') || (text[i] == '2' && text[i + 1] == '0'))
            {
                // Years inside DOIs and addresses ("ismej.2015.241", "/2019/") are not publication years.
                var boundedBefore = i == 0 || (!char.IsLetterOrDigit(text[i - 1]) && text[i - 1] is not ('.' or '/' or ':' or '-'));
                var boundedAfter = i + 4 == text.Length || (!char.IsLetterOrDigit(text[i + 4]) && !(text[i + 4] is '.' or '/' && i + 5 < text.Length && char.IsLetterOrDigit(text[i + 5])));
                if (boundedBefore && boundedAfter && char.IsDigit(text[i + 2]) && char.IsDigit(text[i + 3]))
                {
                    found = int.Parse(text.AsSpan(i, 4), CultureInfo.InvariantCulture);
                    return found; // the first year after the title is the publication's; later ones are DOIs or notes
                }
            }
        }

        return found;
    }

    /// <summary>"[PPoPP'19] Bob Smith, Jane Roe": the leading tag is not an author.</summary>
    private static string WithoutTag(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('[') && trimmed.IndexOf(']', StringComparison.Ordinal) is var close and > 0 ? trimmed[(close + 1)..] : text;
    }

    /// <summary>The year of an author-year citation: "McMahon, K. D. (2017)." before the title.</summary>
    private static int? CitedYear(string before)
    {
        var open = before.LastIndexOf('(');
        return open >= 0 && before.IndexOf(')', open) is var close and > 0 && close - open <= 6 ? YearIn(before[open..close]) : null;
    }

    /// <summary>"(2017)" or "(in press)" of an author-year citation removed from the author part.</summary>
    private static string StripYear(string text)
    {
        var open = text.LastIndexOf('(');
        if (open >= 0 && text.IndexOf(')', open) is var close and > 0 && (YearIn(text[open..close]) is not null || IsStatus(text[(open + 1)..close])))
        {
            return text[..open] + text[(close + 1)..];
        }

        // "Roe, J. and Turing, A., 2023.": the year after the authors, set off by a comma (Harvard style).
        var trimmed = text.TrimEnd(' ', '.', ':', '\n');
        return trimmed.Length > 6 && trimmed[^6..^4] == ", " && int.TryParse(trimmed[^4..], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100
            ? trimmed[..^6]
            : text;
    }

    /// <summary>
    /// What an author-year citation holds where the year goes: the year ("(2017)"), or the paper's state when it has no
    /// year yet ("(in press)", "(_accepted at ISME Journal_)", "(submitted)").
    /// </summary>
    private static bool IsDateSlot(string inner) => (inner.Length <= 5 && YearIn(inner) is not null) || IsStatus(inner);

    /// <summary>States a paper is listed in before it has a year.</summary>
    private static readonly string[] Statuses =
    [
        "in press", "accepted", "conditionally accepted", "submitted", "forthcoming", "under review", "in review", "to appear",
        "under revision", "revise and resubmit", "early view", "online first",
    ];

    /// <summary>Whether the text states where a paper stands ("submitted", "under review", "to appear in …").</summary>
    internal static bool IsStatus(string inner)
    {
        if (inner.Length > 80)
        {
            return false;
        }

        var plain = MarkupText.ToPlain(inner).Trim(' ', '_', '*', ',', '.');
        return Statuses.Any(s => plain.StartsWith(s, StringComparison.OrdinalIgnoreCase) && (plain.Length == s.Length || !char.IsLetter(plain[s.Length])));
    }

    /// <summary>"He, S., Stevens, S. L. R., Chan, L.-K." or "Hikosaka K., Sasaki T. and Kimura H.": names, initials and "and" only.</summary>
    private static bool LooksLikeAuthorText(string text)
    {
        var tokens = text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length is 0 or > 400 || (!text.Contains(',', StringComparison.Ordinal) && !text.Contains(" and ", StringComparison.Ordinal)))
        {
            return false;
        }

        var nameLike = 0;
        foreach (var token in tokens)
        {
            var bare = token.Trim('*', '_', '\\');
            if (bare.Length == 0 || char.IsUpper(bare[0]) || bare is "and" or "&" or "et" or "al." or "al" or "van" or "von" or "de" or "del" or "der")
            {
                nameLike++;
            }
        }

        return nameLike * 10 >= tokens.Length * 9;
    }

    /// <summary>
    /// Whether an emphasised run is an author list rather than a title. A title in Title Case ("*Federated Learning
    /// Across Hospital Networks.*") reads as one name of capitalised words; after an author list it is the title.
    /// </summary>
    private static bool ReadsAsAuthors(string run, string before) =>
        AuthorList.Parse(run, 1) is { } names
        && (names.Count > 1 || AuthorList.Parse(MarkupText.ToPlain(before).Trim(' ', '.', ',', ':', '-', '\n'), 1) is null);

    /// <summary>"Stevens, S. L. R.": a run with initials is a name, not a title.</summary>
    internal static bool HasInitials(string text) =>
        text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Any(t => t.Length is 2 or 4 && char.IsUpper(t[0]) && t[1] == '.');

    internal static string Clean(string title) =>
        string.Join(' ', MarkupText.ToPlain(title).Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim(' ', '.', ',', ':', '"', '“', '”');

    /// <summary><c>**bold**</c> and <c>*italic*</c> runs with their positions, outermost first.</summary>
    private static IEnumerable<(int Start, int End, string Inner)> EmphasisRuns(string text)
    {
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('*', at);
            if (open < 0)
            {
                yield break;
            }

            var marker = open + 1 < text.Length && text[open + 1] == '*' ? "**" : "*";
            var close = text.IndexOf(marker, open + marker.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                yield break;
            }

            var inner = text[(open + marker.Length)..close];
            if (inner.Length >= 3 && !char.IsWhiteSpace(inner[0]) && !char.IsWhiteSpace(inner[^1]) && inner[0] is not (',' or '.' or ';'))
            {
                yield return (open, close + marker.Length, inner);
                at = close + marker.Length;
            }
            else
            {
                at = open + marker.Length; // a stray star ("Garcia, S. L.*, ...") is an equal-contribution mark, not emphasis
            }
        }
    }

    private sealed record Sentence(int Start, string Text);

    /// <summary>Sentences split at ". " — but not after an initial ("S. L. R.") or inside an author list.</summary>
    private static List<Sentence> Sentences(string text)
    {
        var result = new List<Sentence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                result.Add(new Sentence(start, text[start..i]));
                start = i + 1;
                continue;
            }

            if (text[i] is not ('.' or '?' or '!') || i + 1 >= text.Length || text[i + 1] != ' ')
            {
                continue;
            }

            var wordStart = text.LastIndexOf(' ', Math.Max(0, i - 1)) + 1;
            var word = text[wordStart..i].Trim('*', '_');
            if (word.Length <= 1 || (word.Length <= 3 && word.Contains('.', StringComparison.Ordinal)) || AuthorList.InitialsIn(word, finalStopOptional: true) >= 2)
            {
                continue; // an initial, or several ("J.L.D. Osnas", "L.-K. Chan")
            }

            result.Add(new Sentence(start, text[start..(i + 1)]));
            start = i + 2;
        }

        if (start < text.Length)
        {
            result.Add(new Sentence(start, text[start..]));
        }

        return result;
    }
}
