using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Talent.Search.Recruiting;

namespace Talent.Search;

/// <summary>The recruiter side of a search: contact lookup, school / employer / place / title / degree / experience filters, facets and cards.</summary>
internal sealed partial class CandidateSearch
{
    private const int CardSkills = 8;

    /// <summary>Projects a card names as evidence, at most.</summary>
    private const int CardProjects = 2;

    /// <summary>The query as an exact e-mail, phone or homepage lookup, when it is one and the caller may see contact data.</summary>
    private Query? ContactQuery()
    {
        if (!request.ContactLookup || ContactValue(request.Query) is not { } key)
        {
            return null;
        }

        return new TermQuery(new Term(IndexFields.Contact, key));
    }

    /// <summary>
    /// The contact key of a query that is only an e-mail address, a phone number or a web address (with its scheme,
    /// "www." or a path: "node.js" is a word, not a homepage).
    /// </summary>
    internal static string? ContactValue(string query)
    {
        var text = query.Trim();
        if (text.Length is 0 or > 200)
        {
            return null;
        }

        var isAddress = text.Contains('@', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal)
            || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || (text.Contains('/', StringComparison.Ordinal) && text.Contains('.', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal));
        var key = RecruiterFacts.ContactKey(text);
        return key is not null && (isAddress || key.StartsWith("tel:", StringComparison.Ordinal)) ? key : null;
    }

    /// <summary>The recruiter filters as required clauses that add no score: they narrow, the free text ranks.</summary>
    private void AddRecruiterFilters(BooleanQuery query)
    {
        AddAnyOf(query, IndexFields.Schools, request.Schools);
        AddAnyOf(query, IndexFields.Employers, request.Companies);
        AddAnyOf(query, IndexFields.EmployersNow, request.CurrentCompanies);
        AddAnyOf(query, IndexFields.Places, request.Locations);
        foreach (var title in request.Titles)
        {
            AddAnyOf(query, IndexFields.JobTitles, [title]);
        }

        if (request.Degrees.Count > 0)
        {
            var any = new BooleanQuery(true);
            foreach (var degree in request.Degrees)
            {
                any.Add(new TermQuery(new Term(IndexFields.Degree, Text.Fold(CandidateQueryParser.DegreeLevel(degree)))), Occur.SHOULD);
            }

            query.Add(new ConstantScoreQuery(any) { Boost = 0f }, Occur.MUST);
        }

        if (request.MinYears is not null || request.MaxYears is not null)
        {
            query.Add(new ConstantScoreQuery(NumericRangeQuery.NewInt32Range(IndexFields.ExperienceYears, request.MinYears, request.MaxYears, true, true)) { Boost = 0f }, Occur.MUST);
        }

        if (request.Until is { } until)
        {
            query.Add(new ConstantScoreQuery(YearsQuery(request.Since, until)) { Boost = 0f }, Occur.MUST);
        }
    }

    /// <summary>Papers within the years, at the requested venues when there are some ("ICLR from 2020 until 2022").</summary>
    private Query YearsQuery(int? from, int until)
    {
        if (venues.Count == 0)
        {
            return CandidateDocument.YearRange(from, until);
        }

        var any = new BooleanQuery(true);
        foreach (var venue in venues)
        {
            any.Add(TermRangeQuery.NewStringRange(IndexFields.VenueYear, CandidateDocument.VenueYearTerm(venue, from ?? 1900), CandidateDocument.VenueYearTerm(venue, until), true, true), Occur.SHOULD);
        }

        return any;
    }

    /// <summary>Any of the values, each as its words in order in the field ("Stanford" and "Stanford University" both find "Stanford University").</summary>
    private void AddAnyOf(BooleanQuery query, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var builder = new QueryBuilder(analyzer);
        var any = new BooleanQuery(true);
        foreach (var value in values)
        {
            if (builder.CreatePhraseQuery(field, value) is { } phraseQuery)
            {
                any.Add(phraseQuery, Occur.SHOULD);
            }
        }

        // A value of stop words only ("the") matches nobody rather than everybody.
        query.Add(any.Clauses.Count > 0 ? new ConstantScoreQuery(any) { Boost = 0f } : new BooleanQuery(), Occur.MUST);
    }

    private static SearchFacets WithRecruiterFacets(SearchFacets facets, FacetCollector collected) => facets with
    {
        Employers = collected.Top(IndexFields.Employer, FacetSize),
        CurrentEmployers = collected.Top(IndexFields.EmployerNow, FacetSize),
        Cities = collected.Top(IndexFields.City, FacetSize),
        Countries = collected.Top(IndexFields.Country, FacetSize),
        Degrees = collected.Top(IndexFields.Degree, FacetSize),
        Experience = collected.Top(IndexFields.Experience, FacetSize),
    };

    /// <summary>Browsing lists named people first, then the most recently updated.</summary>
    private static Sort BrowseOrder { get; } = new(
        new SortField(IndexFields.Named, SortFieldType.INT64, true),
        new SortField(IndexFields.Updated, SortFieldType.INT64, true),
        new SortField(IndexFields.IdValue, SortFieldType.INT64, true));

    /// <summary>The ranked matches in the order the pages of a search show them, for an export that reads them one by one.</summary>
    internal ScoreDoc[] Rank() => Ranked().Ranked;

    /// <summary>One ranked match as its card, or null when its document holds no stored candidate.</summary>
    internal SearchHit? Card(ScoreDoc scoreDoc) =>
        Ranking.StoredCandidates.Of(searcher, scoreDoc.Doc).Candidate is { } stored
            ? Describe(Explain(stored, float.IsFinite(scoreDoc.Score) ? Math.Round(scoreDoc.Score, 4) : 0d), stored) with { NearMatch = near.Contains(scoreDoc.Doc) ? true : null }
            : null;
}
