using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Reads an experience section: one entry per employer line (a heading, a bold line, or a line with a period), with the
/// title, employer, place and period told apart when one line holds them all ("**Senior Engineer**, Acme Corp, Mar 2021 –
/// present — worked on storage"), and the lines under it as title, place or highlights. A dated line that names a role
/// is the title of the employer just read, or a role whose employer the line after it names. A title is told by its role
/// words (<c>roleWords</c> in <c>config/vocabulary.json</c>).
/// </summary>
internal sealed partial class ExperienceReader(IReadOnlyList<string> roleWords, IReadOnlyList<string> unitWords, CountryCatalog countries)
{
    [GeneratedRegex(@"\s\*(?<place>[^*]{1,40})\*\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TrailingItalicPattern();

    /// <summary>Text made of dates alone ("Jun 2022 aug 2023", "2019 - now"), which is never an employer.</summary>
    [GeneratedRegex(@"^(?:(?:" + DateNotation.Month + "|" + DateNotation.Season + @"|\d{1,4}(?:[./]\d{1,4})*|present|now|current|to|[-–—])\s*)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DatesOnlyPattern();

    public List<ExperienceEntry> Read(List<MarkupLine> lines)
    {
        var entries = new Entries();
        var read = lines.Where(l => !l.IsBlank).Select(l => (Line: l, Range: DateNotation.FindRange(l.Plain))).ToList();
        for (var i = 0; i < read.Count; i++)
        {
            var (line, range) = read[i];
            if (range is null && DateNotation.WithoutDuration(line.Plain).Length == 0)
            {
                continue; // "3 years 11 months" under an employer: the time at it across its roles, which their dates give
            }

            if (IsAdvisorLabel(line.Plain.ToLowerInvariant()))
            {
                continue; // "Supervisor: Professor Hub" under a role names a person, not a role
            }

            var withoutDate = WithoutDate(line, range);
            if (StartsEntry(line, range, withoutDate, entries) || entries.Current is not { } current)
            {
                continue;
            }

            // A second role at the same employer: a title line with its dates on the next line, after a role that has both.
            if (range is null && current is { Title: not null, Start: not null } && i + 1 < read.Count && read[i + 1].Range is { } next
                && WithoutDate(read[i + 1].Line, next).Length <= 2 && IsTitle(line.Plain))
            {
                entries.Begin(new ExperienceEntry { Organization = current.Organization, Title = SplitTitle(line.Text).Title });
                continue;
            }

            ReadUnderEntry(line, range, withoutDate, entries, current);
        }

        entries.Flush();
        return entries.Read;
    }

    /// <summary>A line's text without its period and the length of time after it ("(3 years 11 months)").</summary>
    private static string WithoutDate(MarkupLine line, DateRange? range)
    {
        var withoutDate = range is { } r ? (line.Plain[..r.Index].TrimEnd() + " " + line.Plain[(r.Index + r.Length)..].TrimStart(' ', ',')).Trim() : line.Plain;
        // "Jun 2023-Present:Research Assistant": what joined the period to the text goes with it.
        return DateNotation.WithoutDuration(withoutDate.Split('\t')[0].Trim().TrimEnd('(', ' ').TrimStart(':', '|', ',', '-', '–', '—', ' '));
    }

    /// <summary>A short line naming a role ("Machine Learning Engineer"), not a sentence.</summary>
    private bool IsTitle(string plain) => plain.Length < 80 && !plain.EndsWith('.') && NamesRole(plain.ToLowerInvariant());

    /// <summary>Whether a lower-cased line holds a role word ("engineer", "intern").</summary>
    internal bool NamesRole(string lower) => NamesRole(roleWords, lower);

    /// <summary>Whether a lower-cased line holds one of <paramref name="words"/> as a word (or its plural).</summary>
    internal static bool NamesRole(IEnumerable<string> words, string lower) => words.Any(w => ContainsWord(lower, w));

    /// <summary>The entries read so far, the one being read and the highlights under it.</summary>
    private sealed class Entries
    {
        public List<ExperienceEntry> Read { get; } = [];

        public ExperienceEntry? Current { get; set; }

        public List<string> Highlights { get; } = [];

        /// <summary>The current entry's employer was named under its title ("* Summer 2015: Research Assistant", "* Github University").</summary>
        public bool EmployerUnderTitle { get; set; }

        public void Begin(ExperienceEntry entry)
        {
            // A heading with nothing under it before a role that names its own employer groups roles ("### Academia"), or
            // names that employer again: it is no role of its own.
            if (Current is { Title: null, Start: null, End: null, Location: null } && Highlights.Count == 0 && entry is { Title: not null, Organization: not null })
            {
                Current = null;
            }

            Flush();
            Current = entry;
        }

        public void Flush()
        {
            if (Current is not null)
            {
                Read.Add(Current with { Highlights = Highlights.ToList() });
            }

            Highlights.Clear();
            EmployerUnderTitle = false;
            Current = null;
        }
    }

    /// <summary>An employer line (a heading, a bold line, a short dated line) or a role line begins an entry.</summary>
    private bool StartsEntry(MarkupLine line, DateRange? range, string withoutDate, Entries entries)
    {
        string? organization = null;
        var emphasised = line.Heading is not null || line.IsFullyBold;
        if ((range is not null || line.IsBullet || emphasised || StartsBold(line)) && ReadRoleLine(line.Text, range) is { } role)
        {
            // "### Software Engineer at Globex", "**Globex** — *Android Engineer*": a heading or a line opening in bold that
            // names a role and its employer is that role.
            entries.Begin(role with { Start = range?.Start, End = range?.End });
            entries.Highlights.AddRange(role.Highlights);
            return true;
        }
        else if (emphasised)
        {
            organization = line.Plain;
        }
        else if (range is not null && withoutDate.Length > 2 && !IsTitle(withoutDate) && DatesOf(entries, withoutDate) is { } dated)
        {
            entries.Current = dated with { Start = range.Value.Start, End = range.Value.End };
            return true;
        }
        else if (range is not null && withoutDate.Length is > 1 and <= 80 && char.IsUpper(withoutDate[0]) && withoutDate.Split(' ').Length <= 10)
        {
            if (IsTitle(withoutDate))
            {
                BeginRole(withoutDate.Trim(' ', '(', ')', '-', '–', '—', ',', '|', ':', '·'), range.Value, entries);
                return true;
            }

            organization = withoutDate;
        }

        if (organization is null)
        {
            return false;
        }

        entries.Begin(new ExperienceEntry { Organization = OrganizationNames.Canonical(organization), Start = range?.Start, End = range?.End });
        return true;
    }

    /// <summary>A line that opens with a bold run and goes on after it ("**Globex** — *Android Engineer*").</summary>
    private static bool StartsBold(MarkupLine line) =>
        line.Text.StartsWith("**", StringComparison.Ordinal) && line.Text.IndexOf("**", 2, StringComparison.Ordinal) is var end && end > 2 && end + 2 < line.Text.Length;

    /// <summary>
    /// The entry just begun, when a dated line under it gives its period rather than another employer: a role that names
    /// its employer and has no period yet ("### Software Engineer at Globex" then "*12.2014 - present* | Remote"), or an
    /// employer whose line after it holds a place and the period ("### Globex" then "Berlin, Germany 2019 – 2021").
    /// </summary>
    private static ExperienceEntry? DatesOf(Entries entries, string withoutDate)
    {
        if (entries.Current is not { } current || current is not { Organization: not null, Start: null, End: null } || entries.Highlights.Count > 0)
        {
            return null;
        }

        var place = PlaceText(withoutDate);
        if (place.Length > 0 && LooksLikePlace(place))
        {
            return current with { Location = current.Location ?? place };
        }

        return current.Title is not null && withoutDate.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4 ? current : null;
    }

    /// <summary>What a dated line holds beside its period, without the marks around it ("📅 … / Nantes (44)" → "Nantes (44)", "(Remote)" → "Remote").</summary>
    private static string PlaceText(string text)
    {
        var start = 0;
        while (start < text.Length && !char.IsLetterOrDigit(text[start]) && text[start] != '(')
        {
            start++;
        }

        var place = text[start..].TrimEnd(' ', ',', '|', '·', '/');
        return place.Length > 1 && place[0] == '(' && place[^1] == ')' ? place[1..^1].Trim() : place;
    }

    /// <summary>
    /// A dated line that names a role: the title of the employer just read ("**Acme Lab**" then "Research Assistant -
    /// 2012-Present"), a second role there when it has one, else a role whose employer the next line may name
    /// ("Security research intern (2020.6-2020.8)" then "*Tencent Blade Team, Shenzhen, China*").
    /// </summary>
    private static void BeginRole(string title, DateRange range, Entries entries)
    {
        if (entries.Current is { Organization: not null } current && entries.Highlights.Count == 0 && !entries.EmployerUnderTitle)
        {
            if (current.Title is null)
            {
                entries.Current = current.Start is null ? current with { Title = title, Start = range.Start, End = range.End } : current with { Title = title };
                return;
            }

            entries.Begin(new ExperienceEntry { Organization = current.Organization, Title = title, Start = range.Start, End = range.End });
            return;
        }

        entries.Begin(new ExperienceEntry { Title = title, Start = range.Start, End = range.End });
    }

    /// <summary>A line under an entry: its period, its title, its place, or a highlight.</summary>
    private void ReadUnderEntry(MarkupLine line, DateRange? range, string withoutDate, Entries entries, ExperienceEntry current)
    {
        var plain = line.Plain;
        if (range is not null && withoutDate.Length <= 2)
        {
            if (current.Start is null)
            {
                entries.Current = current with { Start = range.Value.Start, End = range.Value.End };
            }

            return;
        }

        var lower = plain.ToLowerInvariant();
        if (NamesAdvisor(lower))
        {
            return;
        }

        if (current.Title is null && entries.Highlights.Count == 0 && plain.Length < 160 && NamesRole(lower))
        {
            var (title, location) = SplitTitle(line.Text);
            entries.Current = current with { Title = title, Location = current.Location ?? location };
            return;
        }

        if (current is { Organization: null, Title: not null } && entries.Highlights.Count == 0 && (EmployerLine(line) ?? NameLine(plain)) is { } employer)
        {
            entries.Current = current with { Organization = OrganizationNames.Canonical(employer.Organization), Location = current.Location ?? employer.Place };
            entries.EmployerUnderTitle = true;
            return;
        }

        if (current.Location is null && entries.Highlights.Count == 0 && LooksLikePlace(plain))
        {
            entries.Current = current with { Location = plain };
            return;
        }

        entries.Highlights.Add(plain.TrimStart('·', '◦', ' '));
    }

    private static readonly string[] LegalSuffixes = ["Inc", "Inc.", "Ltd", "Ltd.", "LLC", "Corp", "Corp.", "GmbH", "Co.", "S.A.", "AG", "Pte. Ltd."];

    /// <summary>
    /// A line that names both a role and an employer, in either order, with an optional place and a description after a
    /// dash: "**Senior Engineer**, Acme Corp, Mar 2021 – present — worked on storage", "Software Engineer at Globex (2019–2021)".
    /// Null when the line does not name both.
    /// </summary>
    internal ExperienceEntry? ReadRoleLine(string text, DateRange? range)
    {
        var plain = MarkupText.ToPlain(text);
        if (range is { } r && r.Index + r.Length <= plain.Length)
        {
            plain = plain[..r.Index] + " " + plain[(r.Index + r.Length)..];
        }

        string? description = null;
        foreach (var dash in new[] { " — ", " – ", " - ", " -- " })
        {
            // What follows a dash is what the person did there when it is a phrase of three words or more that is not
            // the role itself ("Acme Corp — Senior Engineer (2021–present)" names the role after the employer).
            var at = plain.IndexOf(dash, StringComparison.Ordinal);
            var words = at > 0 ? plain[(at + dash.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) : 0;
            if (words >= 3 && !(words <= 4 && NamesRole(plain[(at + dash.Length)..].ToLowerInvariant())))
            {
                description = plain[(at + dash.Length)..].Trim();
                plain = plain[..at];
                break;
            }
        }

        var parts = new List<string>();
        string[] separators = [",", "|", "\t", "(", ")", ":"];
        var joined = plain.Replace(" at ", ",", StringComparison.Ordinal).Replace(" @ ", ",", StringComparison.Ordinal);
        if (joined.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Length < 2)
        {
            // "Acme Corp — Senior Engineer", "Acme Corp · Senior Engineer": a dash or a dot between title and employer when
            // nothing else stands there (elsewhere a dash may be inside the title: "Engineer - Backend, Acme").
            separators = [.. separators, " — ", " – ", " - ", " -- ", " · ", " • "];
        }

        foreach (var raw in joined.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw.Trim(' ', '.', '*', '-', '–', '—');
            if (part.Length == 0)
            {
                continue;
            }

            if (parts.Count > 0 && LegalSuffixes.Contains(part, StringComparer.Ordinal))
            {
                parts[^1] += ", " + part; // "Pika, Inc." is one employer
            }
            else
            {
                parts.Add(part);
            }
        }

        var title = parts.FirstOrDefault(p => p.Length < 80 && NamesRole(p.ToLowerInvariant()));
        var rest = parts.Where(p => !ReferenceEquals(p, title)).ToList();
        var organization = rest.FirstOrDefault(IsNamePart);
        if (title is null || organization is null)
        {
            return null;
        }

        organization = EmployerAfterUnit(organization, rest);

        var place = rest.Where(p => !ReferenceEquals(p, organization)).ToList();
        return new ExperienceEntry
        {
            Organization = OrganizationNames.Canonical(organization),
            Title = title,
            Location = place.Count > 0 && place.All(LooksLikePlace) ? string.Join(", ", place) : null,
            Highlights = description is null ? [] : [description],
        };
    }

    /// <summary>
    /// The employer when the first name after a title is a unit of it: "Associate Professor, School of Economics, Fudan
    /// University" and "Engineer, Search Group, Globex" name Fudan University and Globex; "Scientist, Nokia Bell Labs, Murray
    /// Hill, NJ" names the labs, a place after them.
    /// </summary>
    private string EmployerAfterUnit(string organization, List<string> parts)
    {
        var after = parts.IndexOf(organization) + 1;
        if (after >= parts.Count || !NamesRole(unitWords, organization.ToLowerInvariant()) || !IsNamePart(parts[after])
            || NamesRole(unitWords, parts[after].ToLowerInvariant()))
        {
            return organization;
        }

        var remaining = parts[after..];
        var place = remaining.Count > 1 ? LooksLikePlace(string.Join(", ", remaining)) : countries.IsCountryName(remaining[0]);
        return InstitutionNames.HoldsInstitutionWord(parts[after]) || !place ? parts[after] : organization;
    }

    private static bool IsNamePart(string part) =>
        part.Length is > 1 and <= 80 && (char.IsUpper(part[0]) || char.IsDigit(part[0])) && part.Split(' ').Length <= 8 && !DatesOnlyPattern().IsMatch(part);

    private static (string Title, string? Location) SplitTitle(string text)
    {
        string title = text;
        string? location = null;
        var trailing = TrailingItalicPattern().Match(text);
        if (trailing.Success && LooksLikePlace(trailing.Groups["place"].Value.Trim()))
        {
            // "*Team lead of ... **Video-Ocean*** *Singapore*": the last italic run is the place.
            location = trailing.Groups["place"].Value.Trim();
            title = text[..trailing.Index];
        }
        else if (text.StartsWith('*') && !text.StartsWith("**", StringComparison.Ordinal))
        {
            var last = text.LastIndexOf('*');
            if (last > 1)
            {
                title = text[1..last];
                var after = MarkupText.ToPlain(text[(last + 1)..]).Trim();
                location = after.Length > 0 && LooksLikePlace(after) ? after : null;
            }
        }
        else if (text.Contains('\t', StringComparison.Ordinal))
        {
            var parts = text.Split('\t', StringSplitOptions.TrimEntries);
            title = parts[0];
            location = parts.Length > 1 && LooksLikePlace(MarkupText.ToPlain(parts[^1])) ? MarkupText.ToPlain(parts[^1]) : null;
        }

        title = MarkupText.ToPlain(title);
        foreach (var cut in new[] { " | ", ", supervised", ", in charge", " supervised by", ", advised" })
        {
            var at = title.IndexOf(cut, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                title = title[..at];
            }
        }

        return (title.Trim(' ', ',', '|'), location);
    }

    /// <summary>
    /// The employer under a role that came first: an emphasised line ("*Tencent Blade Team, Tencent, Shenzhen, China*"),
    /// or a name followed by a place ("Globex, Berlin, Germany"); null for a sentence or anything else.
    /// </summary>
    private static (string Organization, string? Place)? EmployerLine(MarkupLine line)
    {
        var plain = line.Plain;
        var parts = plain.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (plain.Length > 120 || plain.EndsWith('.') || parts.Length == 0 || !(char.IsUpper(parts[0][0]) || char.IsDigit(parts[0][0]))
            || parts[0].Split(' ').Length > 8)
        {
            return null;
        }

        var text = line.Text.Trim();
        var emphasised = text.Length > 2 && ((text[0] == '*' && text[^1] == '*') || (text[0] == '_' && text[^1] == '_'));
        var place = parts.Length > 1 ? string.Join(", ", parts[1..]) : null;
        var placed = place is not null && LooksLikePlace(place);
        return emphasised || placed ? (parts[0], placed ? place : null) : null;
    }

    /// <summary>A line opening with who supervised or hosted the person ("Supervisor: …", "hosted by …", "Advisor …").</summary>
    private static bool NamesAdvisor(string lower) =>
        lower.StartsWith("host", StringComparison.Ordinal) || lower.StartsWith("supervisor", StringComparison.Ordinal)
        || lower.StartsWith("advisor", StringComparison.Ordinal) || lower.StartsWith("adviser", StringComparison.Ordinal)
        || lower.StartsWith("mentor", StringComparison.Ordinal);

    /// <summary>
    /// A label naming who supervised the person ("Supervisor: Professor Hub", "Advisors: …", "supervised by Dr. Roe"):
    /// never a role, wherever it stands; "Mentor, Google Summer of Code" and "Hostinger" are none.
    /// </summary>
    private static bool IsAdvisorLabel(string lower) => AdvisorLabelPattern().IsMatch(lower);

    [GeneratedRegex(@"^(?:(?:host|supervisor|advisor|adviser|mentor)s?\s*[:：]|(?:hosted|supervised|advised|mentored) by\b)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AdvisorLabelPattern();

    private static readonly HashSet<string> NameConnectors = new(["of", "for", "and", "the", "&", "de", "des", "du", "la", "le", "di", "für", "und", "at", "in", "on"], StringComparer.Ordinal);

    /// <summary>
    /// A line that is only a name in title case ("Github University", "Max Planck Institute for Informatics"): under a
    /// role that named no employer ("* Summer 2015: Research Assistant"), its employer.
    /// </summary>
    private static (string Organization, string? Place)? NameLine(string plain)
    {
        var words = plain.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return plain.Length <= 80 && words.Length is > 0 and <= 8 && char.IsUpper(words[0][0]) && !plain.EndsWith('.')
            && !plain.Contains(':', StringComparison.Ordinal)
            && words.All(w => char.IsUpper(w[0]) || char.IsDigit(w[0]) || NameConnectors.Contains(w))
            ? (plain.Trim(), null)
            : null;
    }

    private static bool LooksLikePlace(string text)
    {
        var words = text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return text.Length <= 40 && words.Length is > 0 and <= 5 && !text.EndsWith('.')
            && words.All(w => char.IsUpper(w[0]) || w.StartsWith('(') || w.Length <= 2);
    }

    private static bool ContainsWord(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 || !char.IsLetter(text[at - 1]);
            var afterIndex = at + word.Length;
            var after = afterIndex >= text.Length || !char.IsLetter(text[afterIndex]) || text[afterIndex] == 's';
            if (before && after)
            {
                return true;
            }

            at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
        }

        return false;
    }

}
