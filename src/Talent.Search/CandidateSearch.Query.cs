using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Talent.Search;

/// <summary>
/// Building the first pass's Lucene query from the request: the free text's words, the filters, catalog topics and
/// skills the text names, venue evidence, and the loose phrase the best hits are rescored by.
/// </summary>
internal sealed partial class CandidateSearch
{
    /// <summary>The words of the query without field filters, operators and syntax, for catalog lookups, phrases and evidence.</summary>
    internal static string FreeTextOf(string query)
    {
        var text = FieldClause().Replace(query, " ");
        text = Negated().Replace(text, " ");
        text = Operators().Replace(text, " ");
        text = Syntax().Replace(text, " ");
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static HashSet<string> Terms(Analyzer analyzer, string text) => new(Recruiting.AnalyzedTerms.Of(analyzer, text), StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}_]+:\s*(""[^""]*""|\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|\S+)")]
    private static partial Regex FieldClause();

    [GeneratedRegex(@"(\bNOT\s+|(?<!\S)[-!])(""[^""]*""|\([^)]*\)|\S+)")]
    private static partial Regex Negated();

    [GeneratedRegex(@"\b(AND|OR|NOT)\b|&&|\|\|")]
    private static partial Regex Operators();

    [GeneratedRegex(@"[""()\[\]{}+!^~*?:\\/]|(?<=\s|^)-|\^\d+(\.\d+)?")]
    private static partial Regex Syntax();

    private Query Build(Operator defaultOperator)
    {
        skills.Clear();
        phrase = null;
        topics.Clear();
        relatedNamed.Clear();
        venues.Clear();
        since = request.Since;
        var query = new BooleanQuery(true);

        if (ContactQuery() is { } contact)
        {
            query.Add(contact, Occur.MUST);
        }
        else if (!string.IsNullOrWhiteSpace(request.Query))
        {
            AddTextQuery(query, request.Query, defaultOperator);
        }

        AddSkillAndTopicFilters(query);
        AddVenueFilter(query);
        AddSinceFilter(query);
        AddRecruiterFilters(query);
        return query.Clauses.Count == 0 ? new MatchAllDocsQuery() : query;
    }

    /// <summary>
    /// The query text parsed, what its field clauses name (skills, topics, venues, a year), its analysed words, and the
    /// boosts its words earn (<see cref="AddTextBoosts"/>).
    /// </summary>
    private void AddTextQuery(BooleanQuery query, string text, Operator defaultOperator)
    {
        var parser = new CandidateQueryParser(analyzer, catalogs, defaultOperator, options.FieldBoosts, options.Limits, budget, patterns);
        var parsed = parser.ParseBounded(text);
        if (parsed is BooleanQuery onlyNegated && onlyNegated.Clauses.Count > 0 && onlyNegated.Clauses.All(c => c.Occur == Occur.MUST_NOT))
        {
            // "NOT x" alone means everyone but x, not nobody.
            onlyNegated.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        if (parsed is not BooleanQuery { Clauses.Count: 0 })
        {
            query.Add(parsed, Occur.MUST);
        }

        skills.UnionWith(parser.Skills);
        topics.UnionWith(parser.Topics);
        venues.UnionWith(parser.Venues);
        since ??= parser.Since;

        var freeText = FreeTextOf(text);
        queryTerms = Terms(analyzer, freeText);
        if (query.Clauses.Count > 0)
        {
            AddTextBoosts(query, freeText);
        }
    }

    /// <summary>Each requested skill and topic, required, with the boost of work that mentions it.</summary>
    private void AddSkillAndTopicFilters(BooleanQuery query)
    {
        foreach (var skill in request.Skills.Select(s => CandidateDocument.CanonicalSkill(catalogs, s)))
        {
            skills.Add(skill);
            query.Add(CandidateDocument.SkillQuery(catalogs, skill), Occur.MUST);
            AddFilterTextBoost(query, skill);
        }

        foreach (var topic in request.Topics.Select(t => CandidateDocument.CanonicalTopic(catalogs, t)))
        {
            topics.Add(topic);
            query.Add(new TermQuery(new Term(IndexFields.Topic, CandidateDocument.KeywordOf(topic))), Occur.MUST);
            AddFilterTextBoost(query, topic);
        }
    }

    /// <summary>The requested venues as one required clause of venue evidence (<see cref="AddVenueEvidence"/>).</summary>
    private void AddVenueFilter(BooleanQuery query)
    {
        if (request.Venues.Count == 0)
        {
            return;
        }

        // Any of the venues; the term frequency (papers there) scores the candidate.
        var anyVenue = new BooleanQuery(true);
        foreach (var venue in request.Venues.Select(v => CandidateDocument.CanonicalVenue(catalogs, v)))
        {
            venues.Add(venue);
            AddVenueEvidence(anyVenue, venue);
        }

        query.Add(anyVenue, Occur.MUST);
    }

    /// <summary>
    /// The requested year without an end year, required and not scored: a paper at one of the venues since then when
    /// the request or the query's <c>venue:</c> clauses name venues, any paper since then otherwise; so it runs after
    /// both are gathered.
    /// </summary>
    private void AddSinceFilter(BooleanQuery query)
    {
        if (request.Since is not { } year || request.Until is not null)
        {
            return;
        }

        if (venues.Count > 0)
        {
            // "ICLR or NeurIPS since 2022" means papers at those venues since then, not any paper since then.
            var venueSince = new BooleanQuery(true);
            foreach (var venue in venues)
            {
                venueSince.Add(
                    TermRangeQuery.NewStringRange(IndexFields.VenueYear, CandidateDocument.VenueYearTerm(venue, year), CandidateDocument.VenueYearTerm(venue, 9999), true, true),
                    Occur.SHOULD);
            }

            query.Add(new ConstantScoreQuery(venueSince) { Boost = 0f }, Occur.MUST);
        }
        else
        {
            // With venues, a paper there since the year is a paper since the year: this clause would add nothing but its cost.
            query.Add(new ConstantScoreQuery(CandidateDocument.YearRange(year, null)) { Boost = 0f }, Occur.MUST);
        }
    }

    /// <summary>
    /// Papers at a requested venue: how many (BM25's saturating term frequency: each further paper adds less), how
    /// many first-authored, and how recent, all weighted by the venue's tier.
    /// </summary>
    private void AddVenueEvidence(BooleanQuery anyVenue, string venue)
    {
        var tier = catalogs.Venues.Find(venue)?.Tier;
        var tierWeight = tier is not null && options.VenueTierWeights.TryGetValue(tier, out var weight) ? weight : 1f;
        var keyword = CandidateDocument.KeywordOf(venue);
        anyVenue.Add(new TermQuery(new Term(IndexFields.Venue, keyword)) { Boost = tierWeight }, Occur.SHOULD);
        anyVenue.Add(new TermQuery(new Term(IndexFields.VenueFirst, keyword)) { Boost = options.FirstAuthorVenueBoost * tierWeight }, Occur.SHOULD);
        if (options.VenueRecencyBoost <= 0)
        {
            return;
        }

        for (var age = 0; age < options.VenueRecencyWindowYears; age++)
        {
            // A constant score per year with a paper there: recency should not depend on how rare that year is.
            var recency = options.VenueRecencyBoost * tierWeight * MathF.Pow(0.5f, age / options.VenueRecencyHalfLifeYears);
            var year = new TermQuery(new Term(IndexFields.VenueYear, CandidateDocument.VenueYearTerm(venue, currentYear - age)));
            anyVenue.Add(new ConstantScoreQuery(year) { Boost = recency }, Occur.SHOULD);
        }
    }

    /// <summary>
    /// Catalog topics and skills named in the text, and the whole text as a loose phrase, raise the score. A query lists
    /// what is wanted, as a CV's skill section does, so a skill whose name is also an ordinary word counts here ("data
    /// engineer spark" asks for Apache Spark), unlike in a job ad's prose.
    /// </summary>
    private void AddTextBoosts(BooleanQuery query, string freeText)
    {
        foreach (var topic in catalogs.Topics.FindIn(freeText))
        {
            topics.Add(topic);
            query.Add(new TermQuery(new Term(IndexFields.Topic, CandidateDocument.KeywordOf(topic))) { Boost = options.CatalogTopicBoost }, Occur.SHOULD);
        }

        foreach (var skill in catalogs.Skills.FindInList(freeText))
        {
            skillsNamed.Add(skill);
            skills.Add(skill);
            query.Add(new TermQuery(new Term(IndexFields.Skill, CandidateDocument.KeywordOf(skill))) { Boost = options.CatalogSkillBoost }, Occur.SHOULD);
        }

        foreach (var (topic, related) in relatedTopics.FindIn(freeText).Where(t => !topics.Contains(t.Topic)))
        {
            relatedNamed.TryAdd(topic, related);
            query.Add(new TermQuery(new Term(IndexFields.Topic, CandidateDocument.KeywordOf(topic))) { Boost = options.RelatedTopicBoost }, Occur.SHOULD);
        }

        if (queryTerms.Count >= 2)
        {
            var builder = new QueryBuilder(analyzer);
            var phrases = new BooleanQuery(true);
            foreach (var field in IndexFields.PhraseFields)
            {
                if (builder.CreatePhraseQuery(field, freeText, options.PhraseSlop) is { } inField)
                {
                    inField.Boost = options.PhraseBoost;
                    phrases.Add(inField, Occur.SHOULD);
                }
            }

            phrase = phrases.Clauses.Count > 0 ? phrases : null;
        }
    }

    /// <summary>
    /// Among candidates who all hold a filtered skill or topic, those whose work mentions it (any of its names, in papers,
    /// first-author papers, abstracts, roles, interests) rank higher: one term per field, from the mentions found when
    /// the candidate was indexed.
    /// </summary>
    private void AddFilterTextBoost(BooleanQuery query, string name)
    {
        foreach (var field in IndexFields.MentionsIn.Values)
        {
            query.Add(new TermQuery(new Term(field, CandidateDocument.KeywordOf(name))) { Boost = options.FilterTextBoost }, Occur.SHOULD);
        }
    }
}
