using System.Globalization;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Merging;

namespace Talent.Search.Recruiting;

/// <summary>
/// What a recruiter knows a person by, read from a merged profile: current role, employers now and before, schools,
/// degree level, place, years of experience and contact values. Computed once when the candidate is indexed.
/// </summary>
internal sealed record RecruiterFacts(
    string? CurrentTitle,
    string? CurrentEmployer,
    IReadOnlyList<string> CurrentEmployers,
    IReadOnlyList<string> PastEmployers,
    IReadOnlyList<string> Titles,
    IReadOnlyList<string> Schools,
    string? DegreeLevel,
    string? City,
    string? Country,
    IReadOnlyList<string> Places,
    int? ExperienceYears,
    IReadOnlyList<string> ContactKeys,
    string? Contact)
{
    public const string Doctorate = "Doctorate";
    public const string Master = "Master's";
    public const string Bachelor = "Bachelor's";

    /// <summary>Degree words, folded, by the level they name; the highest level found wins.</summary>
    private static readonly (string Word, string Level)[] DegreeWords =
    [
        ("phd", Doctorate), ("ph.d", Doctorate), ("dphil", Doctorate), ("doctor", Doctorate), ("doctorate", Doctorate), ("dr.", Doctorate),
        ("msc", Master), ("m.sc", Master), ("ms", Master), ("m.s", Master), ("ma", Master), ("m.a", Master), ("meng", Master), ("m.eng", Master),
        ("mba", Master), ("mphil", Master), ("master", Master), ("masters", Master), ("master's", Master), ("diplom", Master),
        ("bsc", Bachelor), ("b.sc", Bachelor), ("bs", Bachelor), ("b.s", Bachelor), ("ba", Bachelor), ("b.a", Bachelor), ("beng", Bachelor),
        ("b.eng", Bachelor), ("btech", Bachelor), ("b.tech", Bachelor), ("bachelor", Bachelor), ("bachelors", Bachelor), ("bachelor's", Bachelor),
        ("licenciatura", Bachelor), ("licence", Bachelor),
    ];

    private static readonly string[] Levels = [Doctorate, Master, Bachelor];

    public static RecruiterFacts Of(CandidateProfile profile, int currentYear, CountryCatalog countries)
    {
        var roles = profile.Experience.Select(e => e.Value).ToList();
        var current = roles.Where(IsCurrent).ToList();
        var currentEmployers = Distinct(current.Select(r => r.Organization));
        var pastEmployers = Distinct(roles.Where(r => !IsCurrent(r)).Select(r => r.Organization).Concat(profile.Organizations))
            .Where(e => !currentEmployers.Contains(e, StringComparer.OrdinalIgnoreCase)).ToList();
        var place = profile.Location ?? current.Select(r => r.Location).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        var (city, country) = Recruiting.Places.Read(place, countries);
        var places = Distinct(new[] { profile.Location }.Concat(roles.Select(r => r.Location)).Append(city).Append(country)
            .Concat(roles.Select(r => Recruiting.Places.Read(r.Location, countries).Country)));
        var latest = current.FirstOrDefault() ?? roles.OrderByDescending(r => YearOf(r.End) ?? YearOf(r.Start) ?? 0).FirstOrDefault();
        var contacts = ContactKeysOf(profile);
        return new RecruiterFacts(
            Clean(latest?.Title),
            current.Count > 0 ? Clean(current[0].Organization) : null,
            currentEmployers,
            pastEmployers,
            Distinct(roles.Select(r => r.Title)),
            Distinct(profile.Education.Select(e => e.Value.Institution).Concat(profile.Institutions)),
            HighestDegree(profile.Education.Select(e => e.Value.Degree)),
            city,
            country,
            places,
            YearsOf(roles, currentYear),
            contacts,
            profile.Homepages.FirstOrDefault() ?? profile.Emails.FirstOrDefault());
    }

    /// <summary>The value an e-mail, phone or homepage is looked up by: lower case; a phone as its digits; a homepage without scheme, "www." and trailing slash.</summary>
    public static string? ContactKey(string value)
    {
        var text = value.Trim();
        if (text.Length is 0 or > 300)
        {
            return null;
        }

        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..];
        }

        if (text.Contains('@', StringComparison.Ordinal) && !text.Contains('/', StringComparison.Ordinal))
        {
            return text.ToLowerInvariant();
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.' or '/') && digits.Length is >= 7 and <= 15)
        {
            return "tel:" + digits;
        }

        var address = text.ToLowerInvariant();
        foreach (var prefix in (string[])["https://", "http://"])
        {
            if (address.StartsWith(prefix, StringComparison.Ordinal))
            {
                address = address[prefix.Length..];
            }
        }

        if (address.StartsWith("www.", StringComparison.Ordinal))
        {
            address = address[4..];
        }

        address = address.TrimEnd('/');
        return address.Contains('.', StringComparison.Ordinal) && !address.Contains(' ', StringComparison.Ordinal) ? address : null;
    }

    private static List<string> ContactKeysOf(CandidateProfile profile) =>
        profile.Emails.Concat(profile.Phones).Concat(profile.Homepages).Concat(profile.Links)
            .Select(ContactKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static bool IsCurrent(ExperienceEntry role) =>
        role.End is null && role.Start is not null
        || role.End is { } end && (end.Contains("present", StringComparison.OrdinalIgnoreCase) || end.Contains("now", StringComparison.OrdinalIgnoreCase)
            || end.Contains("current", StringComparison.OrdinalIgnoreCase) || end.Contains("today", StringComparison.OrdinalIgnoreCase));

    /// <summary>Years between the earliest start and the latest end (today for a current role), overlapping roles counted once.</summary>
    private static int? YearsOf(List<ExperienceEntry> roles, int currentYear)
    {
        var spans = roles
            .Select(r => (Start: YearOf(r.Start), End: IsCurrent(r) ? currentYear : YearOf(r.End) ?? YearOf(r.Start)))
            .Where(s => s.Start is >= 1950 && s.End is { } e && e >= s.Start && e <= currentYear + 1)
            .Select(s => (Start: s.Start!.Value, End: s.End!.Value)) // both checked just above
            .OrderBy(s => s.Start)
            .ToList();
        if (spans.Count == 0)
        {
            return null;
        }

        var years = 0;
        var (start, end) = spans[0];
        foreach (var span in spans.Skip(1))
        {
            if (span.Start > end)
            {
                years += end - start;
                (start, end) = span;
            }
            else
            {
                end = Math.Max(end, span.End);
            }
        }

        return years + (end - start);
    }

    private static int? YearOf(string? date)
    {
        if (date is null)
        {
            return null;
        }

        for (var i = 0; i + 4 <= date.Length; i++)
        {
            if (char.IsAsciiDigit(date[i]) && (i == 0 || !char.IsAsciiDigit(date[i - 1])) && int.TryParse(date.AsSpan(i, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && (i + 4 == date.Length || !char.IsAsciiDigit(date[i + 4])))
            {
                return year;
            }
        }

        return null;
    }

    private static string? HighestDegree(IEnumerable<string?> degrees)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var degree in degrees.OfType<string>())
        {
            foreach (var word in Text.Fold(degree).Split([' ', ',', '(', ')', '/', '-'], StringSplitOptions.RemoveEmptyEntries))
            {
                var trimmed = word.TrimEnd('.');
                foreach (var (known, level) in DegreeWords)
                {
                    if (string.Equals(word, known, StringComparison.Ordinal) || string.Equals(trimmed, known.TrimEnd('.'), StringComparison.Ordinal))
                    {
                        found.Add(level);
                    }
                }
            }
        }

        return Array.Find(Levels, found.Contains);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : Text.Clean(value) is { Length: > 0 } clean ? clean : null;

    private static List<string> Distinct(IEnumerable<string?> values) =>
        values.Select(Clean).OfType<string>().DistinctBy(Text.Fold, StringComparer.Ordinal).ToList();
}
