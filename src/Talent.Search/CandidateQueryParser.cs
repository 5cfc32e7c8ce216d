using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Talent.Profiles.Catalogs;

namespace Talent.Search;

/// <summary>
/// Lucene's classic syntax over the candidate text fields, with the filters people write in a query
/// (<c>skill:</c>, <c>topic:</c>, <c>venue:</c>, <c>institution:</c>, <c>since:</c>, <c>year:</c>) rewritten to
/// the keyword fields through the catalogs. One parser per search: it records the filters it met.
/// </summary>
internal sealed class CandidateQueryParser : MultiFieldQueryParser
{
    private static readonly Dictionary<string, string> TextFieldAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = IndexFields.Titles,
        ["titles"] = IndexFields.Titles,
        ["abstract"] = IndexFields.Abstracts,
        ["abstracts"] = IndexFields.Abstracts,
        ["interest"] = IndexFields.Interests,
        ["interests"] = IndexFields.Interests,
        ["role"] = IndexFields.Roles,
        ["roles"] = IndexFields.Roles,
        ["name"] = IndexFields.Name,
        ["headline"] = IndexFields.Headline,
    };

    private readonly ProfileCatalogs catalogs;

    public CandidateQueryParser(Analyzer analyzer, ProfileCatalogs catalogs, Operator defaultOperator, IReadOnlyDictionary<string, float>? boosts = null)
        : base(LuceneVersion.LUCENE_48, [.. IndexFields.TextBoosts.Keys], analyzer, IndexFields.TextBoosts.ToDictionary(p => p.Key, p => boosts?.GetValueOrDefault(p.Key, p.Value) ?? p.Value, StringComparer.Ordinal))
    {
        this.catalogs = catalogs;
        DefaultOperator = defaultOperator;
        AutoGeneratePhraseQueries = false;
    }

    /// <summary>Canonical skills named with <c>skill:</c> in the query.</summary>
    public List<string> Skills { get; } = [];

    public List<string> Topics { get; } = [];

    public List<string> Venues { get; } = [];

    public int? Since { get; private set; }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        if (KeywordQuery(field, queryText) is { } keyword)
        {
            return keyword;
        }

        // "Requirements: PyTorch" is text, not a field: an unknown field name is searched as a word.
        return IsKnownField(field)
            ? base.GetFieldQuery(MapField(field), queryText, quoted)
            : base.GetFieldQuery(null!, field + " " + queryText, quoted); // null means every text field in MultiFieldQueryParser.
    }

    protected override Query GetFieldQuery(string field, string queryText, int slop) =>
        KeywordQuery(field, queryText) ?? base.GetFieldQuery(MapField(field), queryText, slop);

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        if (IsYearField(field))
        {
            return CandidateDocument.YearRange(ParseYear(part1, true), ParseYear(part2, true), startInclusive, endInclusive);
        }

        return base.GetRangeQuery(MapField(field), part1, part2, startInclusive, endInclusive);
    }

    protected override Query GetPrefixQuery(string field, string termStr) => base.GetPrefixQuery(MapField(field), termStr);

    protected override Query GetWildcardQuery(string field, string termStr) => base.GetWildcardQuery(MapField(field), termStr);

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) => base.GetFuzzyQuery(MapField(field), termStr, minSimilarity);

    /// <summary>A malformed <c>/regular expression/</c> is a syntax error like any other, not an exception from Lucene's automaton.</summary>
    protected override Query GetRegexpQuery(string field, string termStr)
    {
        try
        {
            return base.GetRegexpQuery(MapField(field), termStr);
        }
        catch (ArgumentException e)
        {
            throw new ParseException($"Bad regular expression /{(termStr.Length > 40 ? termStr[..40] + "…" : termStr)}/: {e.Message}");
        }
    }

    private static bool IsYearField(string? field) =>
        string.Equals(field, "since", StringComparison.OrdinalIgnoreCase) || string.Equals(field, IndexFields.Year, StringComparison.OrdinalIgnoreCase);

    private static bool IsKnownField(string? field) =>
        field is null || TextFieldAliases.ContainsKey(field) || IndexFields.TextBoosts.ContainsKey(field);

    private static string MapField(string field) =>
        field is not null && TextFieldAliases.TryGetValue(field, out var mapped) ? mapped : field!; // MultiFieldQueryParser passes null for "all fields".

    private static int? ParseYear(string? text, bool openEndAllowed)
    {
        // The parser passes an open end ("*") as null.
        if (openEndAllowed && (text is null or "*" || text.Length == 0))
        {
            return null;
        }

        if (text is not null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
        {
            return year;
        }

        throw new ParseException($"'{text}' is not a year between 1900 and 2100.");
    }

    private Query? KeywordQuery(string? field, string queryText)
    {
        if (field is null)
        {
            return null;
        }

        switch (field.ToLowerInvariant())
        {
            case "since":
                {
                    var year = ParseYear(queryText, false);
                    Since = year;
                    return CandidateDocument.YearRange(year, null);
                }

            case IndexFields.Year:
                {
                    var year = ParseYear(queryText, false);
                    return CandidateDocument.YearRange(year, year);
                }

            case IndexFields.Skill or "skills":
                {
                    var canonical = CandidateDocument.CanonicalSkill(catalogs, queryText);
                    Skills.Add(canonical);
                    return new TermQuery(new Term(IndexFields.Skill, CandidateDocument.KeywordOf(canonical)));
                }

            case IndexFields.Topic or "topics":
                {
                    var canonical = CandidateDocument.CanonicalTopic(catalogs, queryText);
                    Topics.Add(canonical);
                    return new TermQuery(new Term(IndexFields.Topic, CandidateDocument.KeywordOf(canonical)));
                }

            case IndexFields.Venue or "venues":
                {
                    var canonical = CandidateDocument.CanonicalVenue(catalogs, queryText);
                    Venues.Add(canonical);
                    return new TermQuery(new Term(IndexFields.Venue, CandidateDocument.KeywordOf(canonical)));
                }

            case IndexFields.Institution or "institutions":
                return new TermQuery(new Term(IndexFields.Institution, CandidateDocument.KeywordOf(queryText)));

            default:
                return null;
        }
    }
}
