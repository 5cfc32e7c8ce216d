using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Talent.Server.Evaluation;

public sealed record GoldStandardPaper(string PaperId, string? Title, string? Abstract, int? Year)
{
    /// <summary>Title and abstract, the text the benchmark matches.</summary>
    public string Text => string.Join("\n", new[] { Title, Abstract }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>The paper's authors as Semantic Scholar writes them ("Graham Neubig", "R. Schapire").</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Whether the paper had an abstract that <see cref="GoldStandardDataset.WithoutAbstracts"/> left out.</summary>
    public bool AbstractLeftOut { get; init; }
}

/// <summary>The papers one researcher rated, with their expertise ratings (1 to 5).</summary>
public sealed record GoldStandardRatings(string ParticipantId, IReadOnlyList<(string PaperId, double Rating)> Ratings);

/// <summary>
/// The reviewer-expertise gold standard as published (papers.jsonl, profiles_d20.jsonl, evaluations.tsv,
/// reference_predictions/). Read from the dataset folder, never copied into the repository.
/// </summary>
public sealed class GoldStandardDataset
{
    public const string EvaluationsFile = "evaluations.tsv";

    private GoldStandardDataset(
        IReadOnlyDictionary<string, GoldStandardPaper> papers,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, IReadOnlyList<string>>> profiles,
        IReadOnlyList<GoldStandardRatings> evaluations,
        string directory)
    {
        Papers = papers;
        Profiles = profiles;
        Evaluations = evaluations;
        Directory = directory;
    }

    public string Directory { get; }

    public IReadOnlyDictionary<string, GoldStandardPaper> Papers { get; }

    /// <summary>Profile version (1..10) → participant id → the 20 profile paper ids.</summary>
    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, IReadOnlyList<string>>> Profiles { get; }

    public IReadOnlyList<GoldStandardRatings> Evaluations { get; }

    /// <summary>
    /// The same dataset with the abstracts of the papers <paramref name="leaveOut"/> chooses left out, as a list of titles
    /// such as a dblp page shows them; a paper keeps whether it had one (<see cref="GoldStandardPaper.AbstractLeftOut"/>),
    /// so the evaluations choose the same papers either way.
    /// </summary>
    public GoldStandardDataset WithoutAbstracts(Func<string, bool> leaveOut)
    {
        ArgumentNullException.ThrowIfNull(leaveOut);
        var papers = Papers.ToDictionary(
            p => p.Key,
            p => leaveOut(p.Key) && p.Value.Abstract is { Length: > 0 } ? p.Value with { Abstract = null, AbstractLeftOut = true } : p.Value,
            StringComparer.Ordinal);
        return new GoldStandardDataset(papers, Profiles, Evaluations, Directory);
    }

    /// <summary>Whether <paramref name="directory"/> holds the files <see cref="Load"/> reads.</summary>
    public static bool IsPresent(string directory) =>
        File.Exists(Path.Combine(directory, "papers.jsonl")) && File.Exists(Path.Combine(directory, "profiles_d20.jsonl"));

    public static GoldStandardDataset Load(string directory, string? evaluationsPath = null)
    {
        var papers = new Dictionary<string, GoldStandardPaper>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(directory, "papers.jsonl")).Where(l => l.Length > 0))
        {
            var paper = JsonSerializer.Deserialize(line, GoldStandardJson.Default.PaperLine)
                ?? throw new InvalidDataException("papers.jsonl holds a null line.");
            papers[paper.PaperId] = new GoldStandardPaper(paper.PaperId, paper.Title, paper.Abstract, paper.Year) { Authors = paper.Authors ?? [] };
        }

        var profiles = new Dictionary<int, Dictionary<string, IReadOnlyList<string>>>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "profiles_d20.jsonl")).Where(l => l.Length > 0))
        {
            var profile = JsonSerializer.Deserialize(line, GoldStandardJson.Default.ProfileLine)
                ?? throw new InvalidDataException("profiles_d20.jsonl holds a null line.");
            if (!profiles.TryGetValue(profile.Version, out var byParticipant))
            {
                profiles[profile.Version] = byParticipant = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            }

            byParticipant[profile.ParticipantId] = profile.PaperIds;
        }

        var evaluations = ReadEvaluations(evaluationsPath ?? Path.Combine(directory, EvaluationsFile));
        return new GoldStandardDataset(
            papers,
            profiles.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, IReadOnlyList<string>>)p.Value),
            evaluations,
            directory);
    }

    /// <summary>The rows of evaluations.tsv: a participant, up to ten paper ids and their ratings (empty cells when fewer).</summary>
    public static List<GoldStandardRatings> ReadEvaluations(string path)
    {
        var rows = new List<GoldStandardRatings>();
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            return rows;
        }

        var header = lines[0].Split('\t');
        var paperColumns = Enumerable.Range(1, 10).Select(i => Array.IndexOf(header, $"Paper{i}")).ToArray();
        var ratingColumns = Enumerable.Range(1, 10).Select(i => Array.IndexOf(header, $"Expertise{i}")).ToArray();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            var ratings = new List<(string, double)>();
            for (var i = 0; i < 10; i++)
            {
                var paper = Cell(cells, paperColumns[i]);
                var rating = Cell(cells, ratingColumns[i]);
                if (paper.Length > 0 && double.TryParse(rating, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
                {
                    ratings.Add((paper, value));
                }
            }

            rows.Add(new GoldStandardRatings(cells[0].Trim(), ratings));
        }

        return rows;
    }

    /// <summary>
    /// Each researcher's whole paper list (participants.jsonl: their Semantic Scholar profile, of which the 20-paper
    /// profiles are the most recent part), participant id → paper ids; empty when the file is absent.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Authorship()
    {
        var authorship = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var participant in Participants())
        {
            authorship[participant.ParticipantId] = participant.PaperIds;
        }

        return authorship;
    }

    /// <summary>Each researcher's name (participants.jsonl), participant id → name; empty when the file is absent.</summary>
    public IReadOnlyDictionary<string, string> ParticipantNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var participant in Participants().Where(p => !string.IsNullOrWhiteSpace(p.Name)))
        {
            names[participant.ParticipantId] = participant.Name!;
        }

        return names;
    }

    /// <summary>The lines of participants.jsonl; none when the file is absent.</summary>
    private IEnumerable<ParticipantLine> Participants()
    {
        var path = Path.Combine(Directory, "participants.jsonl");
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            yield return JsonSerializer.Deserialize(line, GoldStandardJson.Default.ParticipantLine)
                ?? throw new InvalidDataException("participants.jsonl holds a null line.");
        }
    }

    /// <summary>Reference predictions shipped with the dataset, by file name without extension.</summary>
    public IEnumerable<(string Name, IReadOnlyDictionary<string, Dictionary<string, double>> Scores)> ReferencePredictions()
    {
        var folder = Path.Combine(Directory, "reference_predictions");
        if (!System.IO.Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in System.IO.Directory.GetFiles(folder, "*.json.gz").Order(StringComparer.Ordinal))
        {
            using var stream = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            var scores = JsonSerializer.Deserialize(stream, GoldStandardJson.Default.DictionaryStringDictionaryStringDouble)
                ?? new Dictionary<string, Dictionary<string, double>>();
            yield return (Path.GetFileName(file)[..^".json.gz".Length], scores);
        }
    }

    /// <summary>
    /// The papers a prediction file scores for every researcher: those the shipped reference predictions cover (upstream
    /// scores each researcher against every rated paper of the whole benchmark, held-out half included) and the rated
    /// papers of <see cref="Evaluations"/>, in that order, each once; only papers that papers.jsonl holds.
    /// </summary>
    public IReadOnlyList<string> PredictionPapers() =>
        ReferencePredictions()
            .SelectMany(r => r.Scores.Values.SelectMany(byPaper => byPaper.Keys))
            .Concat(Evaluations.SelectMany(e => e.Ratings.Select(r => r.PaperId)))
            .Distinct(StringComparer.Ordinal)
            .Where(Papers.ContainsKey)
            .ToList();

    private static string Cell(string[] cells, int column) => column >= 0 && column < cells.Length ? cells[column].Trim() : "";
}

internal sealed record PaperLine(
    [property: JsonPropertyName("paper_id")] string PaperId,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("abstract")] string? Abstract,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("authors")] IReadOnlyList<string>? Authors);

internal sealed record ProfileLine(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("participant_id")] string ParticipantId,
    [property: JsonPropertyName("paper_ids")] IReadOnlyList<string> PaperIds);

internal sealed record ParticipantLine(
    [property: JsonPropertyName("participant_id")] string ParticipantId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("paper_ids")] IReadOnlyList<string> PaperIds);

[JsonSerializable(typeof(PaperLine))]
[JsonSerializable(typeof(ParticipantLine))]
[JsonSerializable(typeof(ProfileLine))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, double>>))]
internal sealed partial class GoldStandardJson : JsonSerializerContext;
