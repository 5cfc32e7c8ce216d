using Talent.Profiles.Catalogs;
using Talent.Server.Evaluation;

namespace Talent.Tests.Evaluation;

/// <summary>
/// Topic queries over the gold standard's researchers (<c>talent eval topics</c>), words alone: Talent's search finds
/// who works on a subject about as well as BM25 paper voting, the strong baseline of topic queries, and far better than
/// BM25 over one document per researcher, with abstracts or (as a dblp page lists papers) titles alone. Each
/// researcher's place in their papers' author lists is kept, so a subject is not left to first-authored papers.
/// </summary>
public sealed class TopicExpertiseAcceptanceTests
{
    [GoldStandardFact]
    public void Talent_search_finds_who_works_on_a_subject_about_as_well_as_paper_voting()
    {
        var catalogs = ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config"));
        var report = new TopicExpertiseEvaluation(GoldStandardDataset.Load(TestPaths.GoldStandardDirectory), catalogs).Run();
        double Map(string system) => report.Systems.Single(s => s.System == system).MeanAveragePrecision;

        Assert.InRange(report.Queries, 20, 200);
        Assert.True(report.RelevantPerQuery >= TopicExpertiseEvaluation.MinimumRelevant, $"{report.RelevantPerQuery:0.00} relevant per topic");
        var search = Map(TopicExpertiseEvaluation.Search);
        Assert.True(search >= Map(TopicExpertiseEvaluation.Bm25) + 0.1, $"search {search:0.000}, plain BM25 {Map(TopicExpertiseEvaluation.Bm25):0.000}");
        Assert.True(search >= Map(TopicExpertiseEvaluation.Voting) - 0.03, $"search {search:0.000}, voting {Map(TopicExpertiseEvaluation.Voting):0.000}");
    }

    [GoldStandardFact]
    public void With_papers_by_title_alone_search_stays_far_above_one_document_per_researcher()
    {
        var catalogs = ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config"));
        var titlesOnly = ExpertFindingEvaluation.TitlesOnly(GoldStandardDataset.Load(TestPaths.GoldStandardDirectory), ExpertProfiles.Whole);
        var report = new TopicExpertiseEvaluation(titlesOnly, catalogs).Run();
        double Map(string system) => report.Systems.Single(s => s.System == system).MeanAveragePrecision;

        var search = Map(TopicExpertiseEvaluation.Search);
        Assert.True(search >= Map(TopicExpertiseEvaluation.Bm25) + 0.1, $"search {search:0.000}, plain BM25 {Map(TopicExpertiseEvaluation.Bm25):0.000}");
    }

    [GoldStandardFact]
    public void Researchers_read_from_their_dblp_xml_are_found_as_well_as_when_built_from_their_records()
    {
        var catalogs = ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config"));
        var titlesOnly = ExpertFindingEvaluation.TitlesOnly(GoldStandardDataset.Load(TestPaths.GoldStandardDirectory), ExpertProfiles.Whole);
        var records = new TopicExpertiseEvaluation(titlesOnly, catalogs).Run();
        var documents = new TopicExpertiseEvaluation(titlesOnly, catalogs) { CandidatesAsDblpXml = true }.Run();
        static double Map(ExpertFindingReport report, string system) => report.Systems.Single(s => s.System == system).MeanAveragePrecision;

        // Through extraction and merging (a refused document would stop the run), search finds who works on a subject as
        // it does from the records themselves, and about as well as paper voting.
        var fromXml = Map(documents, TopicExpertiseEvaluation.Search);
        Assert.True(fromXml >= Map(records, TopicExpertiseEvaluation.Search) - 0.02, $"from dblp XML {fromXml:0.000}, from records {Map(records, TopicExpertiseEvaluation.Search):0.000}");
        Assert.True(fromXml >= Map(documents, TopicExpertiseEvaluation.Voting) - 0.03, $"from dblp XML {fromXml:0.000}, voting {Map(documents, TopicExpertiseEvaluation.Voting):0.000}");
    }
}
