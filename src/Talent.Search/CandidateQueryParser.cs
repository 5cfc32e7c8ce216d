using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Talent.Profiles.Catalogs;
using Talent.Search.QueryCost;

namespace Talent.Search;

/// <summary>
/// Lucene's classic syntax over the candidate text fields, with the filters people write in a query
/// (<c>skill:</c>, <c>topic:</c>, <c>venue:</c>, <c>institution:</c>, <c>since:</c>, <c>year:</c>, and the recruiter
/// filters <c>school:</c>, <c>company:</c>, <c>location:</c> and the rest in <c>CandidateQueryParser.Recruiter.cs</c>) rewritten to
/// the keyword fields through the catalogs. One parser per search: it records the filters it met. Wildcard, prefix,
/// fuzzy, regular-expression and range terms are counted against <see cref="QueryLimits.MaxExpensiveTerms"/>, built as
/// <see cref="BudgetedQueries"/> that spend from the search's budget, and regular expressions and wildcards are compiled
/// by <see cref="PatternAutomaton"/> with their size bounded, never by Lucene's unbounded <c>RegExp</c>.
/// </summary>
internal sealed partial class CandidateQueryParser : MultiFieldQueryParser
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
        ["project"] = IndexFields.Projects,
        ["summary"] = IndexFields.Summary,
    };

    private readonly ProfileCatalogs catalogs;
    private readonly QueryLimits limits;
    private readonly QueryBudget budget;
    private readonly Dictionary<string, BudgetedQueries.CompiledPattern> patterns;
    private int expensiveTerms;

    /// <summary>Set while one expensive term is being expanded into every text field (counted once, not per field).</summary>
    private bool expanding;

    public CandidateQueryParser(
        Analyzer analyzer, ProfileCatalogs catalogs, Operator defaultOperator, IReadOnlyDictionary<string, float>? boosts = null,
        QueryLimits? limits = null, QueryBudget? budget = null, Dictionary<string, BudgetedQueries.CompiledPattern>? patterns = null)
        : base(LuceneVersion.LUCENE_48, [.. IndexFields.TextBoosts.Keys], analyzer, IndexFields.TextBoosts.ToDictionary(p => p.Key, p => boosts?.GetValueOrDefault(p.Key, p.Value) ?? p.Value, StringComparer.Ordinal))
    {
        this.catalogs = catalogs;
        this.limits = limits ?? new QueryLimits();
        this.budget = budget ?? QueryBudget.Unlimited;
        this.patterns = patterns ?? new(StringComparer.Ordinal);
        DefaultOperator = defaultOperator;
        AutoGeneratePhraseQueries = false;
        AllowLeadingWildcard = this.limits.AllowLeadingWildcard;
    }

    /// <summary>Parses <paramref name="query"/> after checking how deeply it nests (Lucene's parser recurses once per level).</summary>
    public Query ParseBounded(string query)
    {
        var nesting = QueryShape.Nesting(query);
        if (nesting > limits.MaxNesting)
        {
            throw new QueryRefusedException($"The query nests parentheses {nesting} deep; the limit is {limits.MaxNesting} (Talent:Search:Limits:MaxNesting).");
        }

        return Parse(query);
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

    protected override Query GetFieldQuery(string field, string queryText, int slop)
    {
        // Lucene reads "a b"~-1 as a slop of -1, which its phrase query rejects with an exception of its own.
        if (slop < 0)
        {
            throw new ParseException($"A phrase's distance (~{slop}) cannot be negative.");
        }

        return KeywordQuery(field, queryText) ?? base.GetFieldQuery(MapField(field), queryText, slop);
    }

    protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        if (IsYearField(field))
        {
            return CandidateDocument.YearRange(ParseYear(part1, true), ParseYear(part2, true), startInclusive, endInclusive);
        }

        return Expensive($"[{part1} TO {part2}]", () => base.GetRangeQuery(MapField(field), part1, part2, startInclusive, endInclusive));
    }

    protected override Query GetPrefixQuery(string field, string termStr) =>
        Expensive(termStr + "*", () => base.GetPrefixQuery(MapField(field), termStr));

    protected override Query GetWildcardQuery(string field, string termStr)
    {
        if (!limits.AllowLeadingWildcard && termStr.Length > 0 && termStr[0] is '*' or '?' && !string.Equals(field, "*", StringComparison.Ordinal))
        {
            throw new QueryRefusedException(
                $"The term {QueryRefusedException.Quote(termStr)} starts with a wildcard, which visits every word of the index; leading wildcards are off (Talent:Search:Limits:AllowLeadingWildcard).");
        }

        return Expensive(termStr, () => base.GetWildcardQuery(MapField(field), termStr));
    }

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        Expensive(termStr + "~", () => base.GetFuzzyQuery(MapField(field), termStr, minSimilarity));

    protected override Query GetRegexpQuery(string field, string termStr) =>
        Expensive("/" + termStr + "/", () => base.GetRegexpQuery(MapField(field), termStr));

    protected override Query NewRegexpQuery(Term t) => NewPattern(t, "/" + t.Text + "/", () => PatternSyntax.ParseRegex(t.Text, limits));

    protected override Query NewWildcardQuery(Term t) => NewPattern(t, t.Text, () => PatternSyntax.ParseWildcard(t.Text));

    protected override Query NewPrefixQuery(Term prefix) => new BudgetedQueries.Prefix(prefix, budget, limits.MaxExpansions);

    protected override Query NewFuzzyQuery(Term term, float minimumSimilarity, int prefixLength)
    {
        // Lucene's reading of "word~N": N of 1 or more is an edit distance, below 1 a similarity share of the word's length.
        var edits = minimumSimilarity >= 1f ? (int)minimumSimilarity : (int)((1d - minimumSimilarity) * term.Text.EnumerateRunes().Count());
        edits = Math.Clamp(edits, 0, FuzzyQuery.DefaultMaxEdits);
        return new BudgetedQueries.Fuzzy(term, edits, prefixLength, budget, Math.Min(limits.MaxExpansions, FuzzyQuery.DefaultMaxExpansions));
    }

    protected override Query NewRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive) =>
        new BudgetedQueries.Range(
            field, part1 is null ? null : new BytesRef(part1), part2 is null ? null : new BytesRef(part2), startInclusive, endInclusive, budget, limits.MaxExpansions);

    /// <summary>
    /// Counts one expensive term of the query, however many fields it is then searched in (the multi-field parser calls
    /// back into this parser once per field while <see cref="expanding"/>).
    /// </summary>
    private Query Expensive(string shown, Func<Query> build)
    {
        if (expanding)
        {
            return build();
        }

        if (++expensiveTerms > limits.MaxExpensiveTerms)
        {
            throw new QueryRefusedException(
                $"The query has more than {limits.MaxExpensiveTerms} wildcard, prefix, fuzzy, regular-expression and range terms (the next one: {QueryRefusedException.Quote(shown)}); the limit is {limits.MaxExpensiveTerms} (Talent:Search:Limits:MaxExpensiveTerms).");
        }

        expanding = true;
        try
        {
            return build();
        }
        finally
        {
            expanding = false;
        }
    }

    /// <summary>A regular expression or wildcard, compiled once per search however many fields it is searched in.</summary>
    private BudgetedQueries.Pattern NewPattern(Term t, string shown, Func<PatternNode> parse)
    {
        if (!patterns.TryGetValue(shown, out var compiled))
        {
            compiled = BudgetedQueries.CompiledPattern.Of(PatternAutomaton.Compile(parse(), shown, limits, budget));
            patterns[shown] = compiled;
        }

        return new BudgetedQueries.Pattern(t.Field, shown, compiled, budget, limits.MaxExpansions);
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
                    return CandidateDocument.SkillQuery(catalogs, canonical);
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
                return RecruiterQuery(field.ToLowerInvariant(), queryText);
        }
    }
}
