using Talent.Profiles.Catalogs;
using Talent.Server.Evaluation;

namespace Talent.Tests.Evaluation;

/// <summary>The reviewer-expertise gold standard beside the checkout, run through Talent's real index and match code.</summary>
public sealed class GoldStandardAcceptanceTests
{
    [GoldStandardFact]
    public void Metric_code_reproduces_the_published_reference_losses_on_the_development_half()
    {
        var report = new GoldStandardEvaluation(GoldStandardDataset.Load(TestPaths.GoldStandardDirectory), Catalogs()).Run(versions: []);
        Assert.Equal(29, report.Researchers);
        Assert.Equal(0.2839, Reference(report, "tpms_d_20_1_ta"), 3);
        Assert.Equal(0.2591, Reference(report, "specter_mfr_d_20_1_ta"), 3);
    }

    [GoldStandardFact]
    public void Talent_match_beats_a_constant_scorer_and_plain_bm25_on_a_subset()
    {
        var report = new GoldStandardEvaluation(GoldStandardDataset.Load(TestPaths.GoldStandardDirectory), Catalogs()).Run(versions: [1], maxResearchers: 12);
        var talent = report.Systems.Single(s => s.System == GoldStandardEvaluation.Talent);
        var bm25 = report.Systems.Single(s => s.System == GoldStandardEvaluation.Bm25);
        Assert.Equal(12, report.Researchers);
        Assert.InRange(talent.Mean, 0, 0.5);
        Assert.True(talent.Mean < bm25.Mean, $"Talent {talent.Mean:0.000} vs BM25 {bm25.Mean:0.000}");
        Assert.All(report.TalentScores[1].Values.SelectMany(p => p.Values), fit => Assert.InRange(fit, 0, 1));
    }

    [GoldStandardFact]
    public void Prediction_papers_are_every_paper_the_reference_predictions_score_for_all_58_researchers()
    {
        var dataset = GoldStandardDataset.Load(TestPaths.GoldStandardDirectory);
        var reference = dataset.ReferencePredictions().First().Scores;

        Assert.Equal(58, dataset.Profiles[1].Count);
        Assert.Equal(reference.Values.SelectMany(p => p.Keys).ToHashSet(), dataset.PredictionPapers().ToHashSet());
        Assert.Equal(26_854, dataset.Profiles[1].Count * dataset.PredictionPapers().Count);
    }

    [Fact]
    public void Evaluations_file_rows_with_fewer_than_ten_papers_leave_the_rest_empty()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "evaluations.tsv");
        var header = "ParticipantID\t" + string.Join('\t', Enumerable.Range(1, 10).Select(i => $"Paper{i}")) + "\t" + string.Join('\t', Enumerable.Range(1, 10).Select(i => $"Expertise{i}"));
        var row = "42\tpa\tpb\t" + new string('\t', 7) + "\t4.25\t1.0" + new string('\t', 8);
        File.WriteAllLines(path, [header, row]);

        var rows = GoldStandardDataset.ReadEvaluations(path);
        var single = Assert.Single(rows);
        Assert.Equal("42", single.ParticipantId);
        Assert.Equal([("pa", 4.25), ("pb", 1.0)], single.Ratings);
    }

    private static double Reference(GoldStandardReport report, string name) => report.References.Single(r => r.System == name).Mean;

    private static ProfileCatalogs Catalogs() => ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config"));
}
