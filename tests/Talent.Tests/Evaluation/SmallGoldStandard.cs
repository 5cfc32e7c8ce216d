using System.IO.Compression;
using System.Text.Json;

namespace Talent.Tests.Evaluation;

/// <summary>
/// A reviewer-expertise gold standard in the published layout, made up and tiny: three researchers with two profile papers
/// each in two profile versions, one of them rating two papers, reference predictions over four papers, and each
/// researcher's whole paper list, in which the four papers outside the profiles are each one researcher's own.
/// </summary>
internal static class SmallGoldStandard
{
    public static readonly string[] Participants = ["101", "102", "103"];

    /// <summary>The papers the reference predictions score: the two rated ones and two rated by no one here.</summary>
    public static readonly string[] ReferencePapers = ["r1", "r2", "r3", "r4"];

    private static readonly (string Id, string Title, string Abstract)[] Papers =
    [
        ("p1", "Graph neural networks for molecules", "Message passing networks predict molecular properties from graphs."),
        ("p2", "Scalable graph neural network training", "Sampling neighbourhoods trains graph networks on large graphs."),
        ("p3", "Speech recognition with transformers", "Acoustic models for speech recognition built on attention."),
        ("p4", "Low resource speech translation", "Speech translation for languages with little transcribed audio."),
        ("p5", "Query optimisation in column stores", "Cost models choose join orders in analytical databases."),
        ("p6", "Transactions for distributed databases", "Serialisable transactions across database replicas."),
        ("r1", "Graph neural networks for protein graphs", "Message passing over residue graphs predicts protein function."),
        ("r2", "Join ordering with learned cost models", "A learned cost model picks join orders for database queries."),
        ("r3", "End to end speech recognition", "Attention models transcribe speech without an acoustic lexicon."),
        ("r4", "Index tuning for databases", "Choosing indexes for analytical database workloads."),
    ];

    /// <summary>Writes the dataset into <paramref name="directory"/>/goldstandard and returns that folder.</summary>
    public static string WriteTo(string directory)
    {
        var folder = Directory.CreateDirectory(Path.Combine(directory, "goldstandard")).FullName;
        File.WriteAllLines(Path.Combine(folder, "papers.jsonl"), Papers.Select(p => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["paper_id"] = p.Id,
            ["title"] = p.Title,
            ["abstract"] = p.Abstract,
            ["year"] = 2021,
        })));
        var profiles = new[] { ("101", new[] { "p1", "p2" }), ("102", ["p3", "p4"]), ("103", ["p5", "p6"]) };
        File.WriteAllLines(Path.Combine(folder, "profiles_d20.jsonl"), new[] { 1, 2 }.SelectMany(version => profiles.Select(p => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["version"] = version,
            ["participant_id"] = p.Item1,
            ["paper_ids"] = version == 1 ? p.Item2 : p.Item2.Reverse().ToArray(),
        }))));
        // Each researcher's whole paper list: beyond the profile, one or two papers of their own that nobody rated.
        var written = new[] { ("101", new[] { "p1", "p2", "r1" }), ("102", ["p3", "p4", "r3"]), ("103", ["p5", "p6", "r2", "r4"]) };
        File.WriteAllLines(Path.Combine(folder, "participants.jsonl"), written.Select(p => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["participant_id"] = p.Item1,
            ["name"] = "Researcher " + p.Item1,
            ["paper_ids"] = p.Item2,
        })));
        var header = "ParticipantID\t" + string.Join('\t', Enumerable.Range(1, 10).Select(i => $"Paper{i}")) + "\t" + string.Join('\t', Enumerable.Range(1, 10).Select(i => $"Expertise{i}"));
        File.WriteAllLines(Path.Combine(folder, "evaluations.tsv"), [header, "101\tr1\tr2" + new string('\t', 9) + "5\t1" + new string('\t', 8)]);

        var predictions = Directory.CreateDirectory(Path.Combine(folder, "reference_predictions")).FullName;
        var reference = Participants.ToDictionary(p => p, p => ReferencePapers.ToDictionary(r => r, r => p == "101" && r == "r1" ? 0.9 : 0.1));
        using var file = File.Create(Path.Combine(predictions, "tpms_d_20_1_ta.json.gz"));
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        JsonSerializer.Serialize(gzip, reference);
        return folder;
    }
}
