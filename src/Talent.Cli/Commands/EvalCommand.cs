using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Talent.Embeddings;
using Talent.Profiles.Evaluation;
using Talent.Server.Configuration;
using Talent.Server.Evaluation;
using Talent.Server.Ingestion;

namespace Talent.Cli.Commands;

/// <summary>
/// <c>talent eval …</c>: measurements against labelled data. <c>goldstandard</c>: ranking quality on the
/// reviewer-expertise benchmark, Talent beside two baselines. <c>experts</c>: finding a paper's authors among the same
/// benchmark's researchers. <c>extraction</c>: field-level precision and
/// recall of the extractor on the labelled set kept in the repository and on the real documents labelled in
/// <c>../shared/data/real-profiles</c>, scored by the shared scorer's rules.
/// </summary>
internal static class EvalCommand
{
    /// <summary>Where the labelled extraction set lives, relative to the repository root.</summary>
    public const string DefaultExtractionSet = "tests/Talent.Profiles.Tests/Data/eval";

    public static Command Create()
    {
        var command = new Command("eval", "Measure Talent against labelled data and published benchmarks");
        command.Subcommands.Add(CreateGoldStandard());
        command.Subcommands.Add(CreateExperts());
        command.Subcommands.Add(CreateTopics());
        command.Subcommands.Add(CreateExtraction());
        return command;
    }

    private static Command CreateGoldStandard()
    {
        var dataset = DatasetOption();
        var evaluations = new Option<string?>("--evaluations") { Description = "Ratings file (default: the dataset's evaluations.tsv, the development half)" };
        var scoresOut = new Option<string?>("--scores-out")
        {
            Description = "Write Talent's scores (the hybrid match as evaluated; words only under --lexical-only) as JSON {participant_id: {paper_id: score}}, "
                + "the layout of the dataset's reference_predictions: every researcher with a profile in the version × every paper the reference predictions "
                + "cover, so either half can be scored from it. One version run: FILE; several: FILE with .vN before its extension, one per version",
        };
        var versions = new Option<int[]>("--version") { Description = "Profile versions to run (repeatable; default all ten)" };
        var vectorsCache = VectorsCacheOption();
        var noVectors = LexicalOnlyOption();
        var goldstandard = new Command("goldstandard", "Loss on the reviewer-expertise gold standard (lower is better; constant scorer 0.5)") { dataset, evaluations, scoresOut, versions, vectorsCache, noVectors };
        goldstandard.SetAction(parseResult =>
        {
            var data = LoadDataset(parseResult.GetValue(dataset), parseResult.GetValue(evaluations));
            var configuration = CliSettings.Configuration(parseResult);
            var catalogs = ParseCommand.LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section));
            var chosen = parseResult.GetValue(versions) is { Length: > 0 } some ? some : null;
            var progress = new Progress<string>(m => Console.Error.WriteLine(m));
            var vectors = parseResult.GetValue(noVectors) ? null : LoadVectors(data, parseResult.GetValue(vectorsCache), progress);

            var path = parseResult.GetValue(scoresOut);
            var report = new GoldStandardEvaluation(data, catalogs, vectors).Run(chosen, progress: progress, everyPair: path is not null);
            Print(report);
            if (path is not null)
            {
                WriteScores(report, path);
            }

            return ExitCodes.Success;
        });
        return goldstandard;
    }

    private static Command CreateExperts()
    {
        var dataset = DatasetOption();
        var queries = new Option<int?>("--queries") { Description = "Run only the first N papers as queries (default: all)" };
        var vectorsCache = VectorsCacheOption();
        var noVectors = LexicalOnlyOption();
        var profilesOption = new Option<string?>("--profiles")
        {
            Description = "Candidates made of 'recent' (the 20-paper profiles) or 'whole' (half of each researcher's whole record, 1 to 200 papers); default: both, one after the other",
        };
        profilesOption.AcceptOnlyFromAmong("recent", "whole");
        var titlesOnly = TitlesOnlyOption();
        var asDblp = AsDblpOption();
        var experts = new Command("experts", "Finding a paper's authors: each researcher's papers outside every profile are queries over all researchers (mean average precision, higher is better)")
        {
            dataset, queries, vectorsCache, noVectors, profilesOption, titlesOnly, asDblp,
        };
        experts.SetAction(parseResult =>
        {
            var data = LoadDataset(parseResult.GetValue(dataset), null);
            if (parseResult.GetValue(queries) is < 1)
            {
                throw new UsageException("--queries must be at least 1.");
            }

            var configuration = CliSettings.Configuration(parseResult);
            var catalogs = ParseCommand.LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section));
            var progress = new Progress<string>(m => Console.Error.WriteLine(m));
            ExpertProfiles[] kinds = parseResult.GetValue(profilesOption) switch
            {
                "recent" => [ExpertProfiles.Recent],
                "whole" => [ExpertProfiles.Whole],
                _ => [ExpertProfiles.Recent, ExpertProfiles.Whole],
            };
            GoldStandardVectors? wholeTexts = null; // read once for both sets; titles alone are other texts for each set
            for (var i = 0; i < kinds.Length; i++)
            {
                if (i > 0)
                {
                    Console.WriteLine();
                }

                var byTitle = parseResult.GetValue(titlesOnly) || parseResult.GetValue(asDblp);
                var kindData = byTitle ? ExpertFindingEvaluation.TitlesOnly(data, kinds[i]) : data;
                var vectors = parseResult.GetValue(noVectors) ? null
                    : byTitle ? LoadVectors(kindData, parseResult.GetValue(vectorsCache), progress)
                    : wholeTexts ??= LoadVectors(data, parseResult.GetValue(vectorsCache), progress);
                var evaluation = new ExpertFindingEvaluation(kindData, catalogs, vectors) { CandidatesAsDblpXml = parseResult.GetValue(asDblp) };
                PrintExperts(evaluation.Run(kinds[i], parseResult.GetValue(queries), progress: progress), TitlesOnlyNote(byTitle, parseResult.GetValue(asDblp)));
            }

            return ExitCodes.Success;
        });
        return experts;
    }

    private static Command CreateTopics()
    {
        var dataset = DatasetOption();
        var vectorsCache = VectorsCacheOption();
        var noVectors = LexicalOnlyOption();
        var titlesOnly = TitlesOnlyOption();
        var asDblp = AsDblpOption();
        var topics = new Command("topics", $"Who works on a subject: catalog topics as queries over half of each researcher's record, relevant when {TopicExpertiseEvaluation.MentionsForExpertise} papers of the other half name the topic (mean average precision, higher is better)")
        {
            dataset, vectorsCache, noVectors, titlesOnly, asDblp,
        };
        topics.SetAction(parseResult =>
        {
            var data = LoadDataset(parseResult.GetValue(dataset), null);
            var byTitle = parseResult.GetValue(titlesOnly) || parseResult.GetValue(asDblp);
            if (byTitle)
            {
                data = ExpertFindingEvaluation.TitlesOnly(data, ExpertProfiles.Whole);
            }

            var configuration = CliSettings.Configuration(parseResult);
            var catalogs = ParseCommand.LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section));
            var progress = new Progress<string>(m => Console.Error.WriteLine(m));
            var vectors = parseResult.GetValue(noVectors) ? null : LoadVectors(data, parseResult.GetValue(vectorsCache), progress);
            var report = new TopicExpertiseEvaluation(data, catalogs, vectors) { CandidatesAsDblpXml = parseResult.GetValue(asDblp) }.Run(progress);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"topic queries on the reviewer-expertise researchers: {report.Researchers} researchers (half of each one's whole record{TitlesOnlyNote(byTitle, parseResult.GetValue(asDblp))}), {report.Queries} catalog topics, {report.RelevantPerQuery:0.00} researchers working on each; higher is better"));
            PrintScores(report);
            return ExitCodes.Success;
        });
        return topics;
    }

    private static void PrintExperts(ExpertFindingReport report, string note)
    {
        var candidates = (report.Profiles == ExpertProfiles.Whole
            ? $"half of each one's whole record, at most {ExpertFindingEvaluation.QueriesPerResearcher} queries from the other half of each"
            : "20-paper profiles, version 1") + note;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"expert finding on the reviewer-expertise researchers: {report.Researchers} researchers ({candidates}), {report.Queries} of their other papers as queries, {report.RelevantPerQuery:0.00} authors each; higher is better"));
        PrintScores(report);
    }

    /// <summary>A blank line, then one line per system: mean average precision, mean reciprocal rank, precision at 1.</summary>
    private static void PrintScores(ExpertFindingReport report)
    {
        Console.WriteLine();
        Console.WriteLine($"{"system",-52} {"MAP",7} {"MRR",7} {"P@1",7}");
        foreach (var system in report.Systems)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{system.System,-52} {system.MeanAveragePrecision,7:0.000} {system.MeanReciprocalRank,7:0.000} {system.PrecisionAtOne,7:0.000}"));
        }
    }

    /// <summary>The options both gold-standard evaluations take: where the dataset is, where its vectors are kept, whether to skip them.</summary>
    private static Option<string?> DatasetOption() =>
        new("--dataset") { Description = "Folder of the reviewer-expertise gold standard (default: ../shared/data/reviewer-expertise-goldstandard beside the checkout)" };

    private static Option<string?> VectorsCacheOption() =>
        new("--vectors-cache") { Description = "File of the papers' sentence vectors, written on the first run and read after it (default: talent-goldstandard-vectors.tsv in the temp folder)" };

    private static Option<bool> TitlesOnlyOption() =>
        new("--titles-only") { Description = "Candidates' papers by their titles alone, as a dblp page lists them (queries and relevance keep the abstracts)" };

    private static Option<bool> AsDblpOption() =>
        new("--as-dblp")
        {
            Description = "Candidates read as ingestion reads documents: each one's papers written as dblp's XML of a person (titles, authors, years), extracted and merged; implies --titles-only",
        };

    private static string TitlesOnlyNote(bool titlesOnly, bool asDblp = false) =>
        asDblp ? "; read from dblp XML, their papers by title alone" : titlesOnly ? "; their papers by title alone" : string.Empty;

    private static Option<bool> LexicalOnlyOption() =>
        new("--lexical-only") { Description = "Skip sentence vectors: words only (no embedding run)" };

    private static GoldStandardDataset LoadDataset(string? chosen, string? ratingsFile)
    {
        var directory = chosen ?? DefaultDataset()
            ?? throw new UsageException("No dataset folder: pass --dataset DIR (the Talent.sln checkout has no ../shared/data/reviewer-expertise-goldstandard beside it).");
        if (!GoldStandardDataset.IsPresent(directory))
        {
            throw new UsageException($"{directory}: not a reviewer-expertise gold standard folder (papers.jsonl and profiles_d20.jsonl expected).");
        }

        if (ratingsFile is not null && !File.Exists(ratingsFile))
        {
            throw new UsageException($"{ratingsFile}: no such file");
        }

        return GoldStandardDataset.Load(directory, ratingsFile);
    }

    private static GoldStandardVectors LoadVectors(GoldStandardDataset data, string? cachePath, IProgress<string> progress)
    {
        using var embedder = new MiniLmEmbedder();
        return GoldStandardVectors.Load(data, embedder, cachePath ?? Path.Combine(Path.GetTempPath(), "talent-goldstandard-vectors.tsv"), progress);
    }

    /// <summary>Talent's scores per version, in the reference predictions' layout, with a line on stderr naming each file's ranker and version.</summary>
    private static void WriteScores(GoldStandardReport report, string path)
    {
        foreach (var (version, scores) in report.TalentScores.OrderBy(v => v.Key))
        {
            var file = report.TalentScores.Count == 1 ? path : ScoresPath(path, version);
            File.WriteAllText(file, JsonSerializer.Serialize(scores));
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{file}: {report.TalentScoresRanker}, profile version {version}, {scores.Count} researchers, {scores.Values.Sum(p => p.Count)} pairs"));
        }
    }

    /// <summary>"scores.json" for version 3 is "scores.v3.json".</summary>
    private static string ScoresPath(string path, int version) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(path)}.v{version}{Path.GetExtension(path)}"));

    private static string? DefaultDataset() =>
        CliSettings.RepositoryRoot() is { } root
            ? Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "reviewer-expertise-goldstandard"))
            : null;

    private static void Print(GoldStandardReport report)
    {
        var versions = report.Systems.SelectMany(s => s.ByVersion.Keys).Distinct().Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reviewer-expertise gold standard: {report.Researchers} researchers, {report.RatedPapers} rated papers; loss, lower is better (constant scorer 0.500)"));
        Console.WriteLine();
        var header = $"{"system",-52} {"mean",7} " + string.Join(' ', versions.Select(v => $"{"v" + v.ToString(CultureInfo.InvariantCulture),6}"));
        Console.WriteLine(header);
        foreach (var system in report.Systems.Concat(report.References))
        {
            var cells = versions.Select(v => system.ByVersion.TryGetValue(v, out var loss) ? loss.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(6) : "".PadLeft(6));
            var name = report.References.Contains(system) ? "reference " + system.System : system.System;
            Console.WriteLine($"{name,-52} {system.Mean.ToString("0.0000", CultureInfo.InvariantCulture),7} {string.Join(' ', cells)}");
        }
    }

    private static Command CreateExtraction()
    {
        var set = new Option<string?>("--set")
        {
            Description = $"A folder of documents with NAME.expected.json beside each, or a labels.json (or its folder) with the documents in docs/ beside it (default: {DefaultExtractionSet}, and the real documents in ../shared/data/real-profiles when present)",
        };
        var docs = new Option<string?>("--docs") { Description = "Folder of the documents a labels.json names (default: docs/ beside it)" };
        var command = new Command("extraction", "Field-level precision and recall of the extractor, micro-averaged over the documents") { set, docs, Output.Json };
        command.SetAction(parseResult =>
        {
            var chosen = parseResult.GetValue(set);
            if (chosen is not null && !Directory.Exists(chosen) && !File.Exists(chosen))
            {
                throw new UsageException($"{chosen}: no such file or folder");
            }

            var configuration = CliSettings.Configuration(parseResult);
            var catalogs = ParseCommand.LoadCatalogs(CliSettings.Options<CatalogOptions>(configuration, CatalogOptions.Section));
            var labelled = chosen is null ? DefaultRealProfiles() : LabelledSetEvaluation.LabelsFile(chosen) is { } file && file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? file : null;
            EvaluationReport? report = null;
            string? directory = null;
            if (chosen is null || labelled is null)
            {
                directory = chosen ?? FindDefaultSet();
                report = ExtractionEvaluation.Run(directory, catalogs);
                if (report.Documents == 0)
                {
                    throw new UsageException($"{directory}: no *{ExtractionEvaluation.ExpectedSuffix} files");
                }
            }

            LabelledSetReport? real = null;
            if (labelled is not null)
            {
                var documents = parseResult.GetValue(docs) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(labelled)) ?? ".", "docs");
                real = LabelledSetEvaluation.Run(labelled, documents, catalogs, DocumentText.ForExtraction);
            }

            if (parseResult.GetValue(Output.Json))
            {
                Output.WriteJson(new
                {
                    report?.Documents,
                    Fields = report?.Fields.Select(f => new { f.Field, f.Precision, f.Recall, f.Correct, f.Extracted, f.Expected }),
                    report?.Errors,
                    Labelled = real is null ? null : new
                    {
                        Labels = labelled,
                        real.Documents,
                        Fields = real.Fields.Where(f => f.Expected > 0).Select(f => new { f.Field, f.Recall, f.Precision, f.Hits, f.Expected, f.Right, f.Predicted }),
                        real.Unread,
                        real.OverallRecall,
                    },
                });
                return ExitCodes.Success;
            }

            if (report is not null)
            {
                PrintProjectSet(directory ?? string.Empty, report);
            }

            if (real is not null)
            {
                PrintLabelledSet(labelled ?? string.Empty, real);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void PrintProjectSet(string directory, EvaluationReport report)
    {
        Console.WriteLine($"{report.Documents} documents in {directory}");
        Console.WriteLine($"{"field",-14}{"precision",10}{"recall",10}{"correct",9}{"extracted",11}{"expected",10}");
        foreach (var f in report.Fields)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Field,-14}{f.Precision,10:0.000}{f.Recall,10:0.000}{f.Correct,9}{f.Extracted,11}{f.Expected,10}"));
        }
    }

    /// <summary>The shared scorer's layout, line for line, so the two outputs can be compared directly.</summary>
    private static void PrintLabelledSet(string labels, LabelledSetReport report)
    {
        Console.WriteLine();
        Console.WriteLine($"{report.Documents} labelled documents of {labels}");
        foreach (var f in report.Fields.Where(f => f.Expected > 0))
        {
            var precision = f.Precision is { } p ? string.Create(CultureInfo.InvariantCulture, $"   precision {f.Right}/{f.Predicted} = {Fixed(p, 2)}") : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Field,-17} recall {f.Hits}/{f.Expected} = {Fixed(f.Recall, 2)}{precision}"));
        }

        if (report.Unread.Count > 0)
        {
            Console.WriteLine($"  not read ({report.Unread.Count}): {string.Join(' ', report.Unread)}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall fact recall {report.Hits}/{report.Expected} = {Fixed(report.OverallRecall, 3)} over {report.Documents} documents"));
    }

    /// <summary>
    /// A ratio with <paramref name="digits"/> decimals as Python's format writes it: an exact tie (0.625) goes to the even
    /// digit (0.62) where .NET would round away from zero.
    /// </summary>
    private static string Fixed(double value, int digits)
    {
        var scaled = value * Math.Pow(10, digits);
        var rounded = scaled - Math.Floor(scaled) == 0.5 ? Math.Round(value, digits, MidpointRounding.ToEven) : value;
        return rounded.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The shared real-profile set beside the checkout, when it is there.</summary>
    private static string? DefaultRealProfiles() =>
        CliSettings.RepositoryRoot() is { } root
            && LabelledSetEvaluation.LabelsFile(Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "real-profiles"))) is { } labels
            ? labels
            : null;

    private static string FindDefaultSet()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultExtractionSet);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new UsageException($"no labelled set found: run inside the repository or pass --set DIR");
    }
}
