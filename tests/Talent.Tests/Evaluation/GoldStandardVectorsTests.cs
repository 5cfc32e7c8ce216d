using System.Text.Json;
using Talent.Embeddings;
using Talent.Server.Evaluation;

namespace Talent.Tests.Evaluation;

public sealed class GoldStandardVectorsTests
{
    [Fact]
    public void Embedding_the_papers_says_how_far_it_is_and_a_second_load_reads_them_from_the_cache()
    {
        using var temp = new TempDirectory();
        var folder = SmallGoldStandard.WriteTo(temp.Path);
        File.AppendAllLines(Path.Combine(folder, "papers.jsonl"), Enumerable.Range(0, 300).Select(i => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["paper_id"] = $"x{i}",
            ["title"] = $"Paper {i}",
            ["abstract"] = $"Abstract number {i}.",
            ["year"] = 2020,
        })));
        var dataset = GoldStandardDataset.Load(folder);
        var embedder = new CountingEmbedder();
        var cache = Path.Combine(temp.Path, "vectors.tsv");
        var lines = new List<string>();

        var vectors = GoldStandardVectors.Load(dataset, embedder, cache, new Lines(lines));

        Assert.Equal(310, embedder.Embedded);
        Assert.Equal($"embedding 310 papers into {cache}", lines[0]);
        Assert.Single(lines, l => l.StartsWith("embedded 256 of 310 papers (", StringComparison.Ordinal));
        Assert.NotNull(vectors.Text(dataset.Papers["x7"].Text));

        lines.Clear();
        var again = GoldStandardVectors.Load(dataset, embedder, cache, new Lines(lines));
        Assert.Equal(310, embedder.Embedded);
        Assert.Empty(lines);
        Assert.Equal(vectors.Text(dataset.Papers["x7"].Text), again.Text(dataset.Papers["x7"].Text));
    }

    [Fact]
    public void A_query_that_is_no_papers_text_is_embedded_once_and_kept_in_the_cache()
    {
        using var temp = new TempDirectory();
        var dataset = GoldStandardDataset.Load(SmallGoldStandard.WriteTo(temp.Path));
        var embedder = new CountingEmbedder();
        var cache = Path.Combine(temp.Path, "vectors.tsv");
        var vectors = GoldStandardVectors.Load(dataset, embedder, cache);
        var papers = embedder.Embedded;
        const string title = "A title searched alone";
        Assert.Null(vectors.Text(title));

        var query = vectors.Query(title);

        Assert.NotNull(query);
        Assert.Equal(papers + 1, embedder.Embedded);
        Assert.Equal(query, vectors.Query(title)); // the second time from memory
        Assert.Equal(papers + 1, embedder.Embedded);
        Assert.Null(vectors.Query("  "));
        var again = GoldStandardVectors.Load(dataset, embedder, cache);
        Assert.Equal(query, again.Text(title)); // and from the file in the next run
        Assert.Equal(papers + 1, embedder.Embedded);
    }

    /// <summary>Progress written as it is reported (<see cref="Progress{T}"/> posts it to the thread pool).</summary>
    private sealed class Lines(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }

    /// <summary>A vector per text from its length, counting the texts it was given.</summary>
    private sealed class CountingEmbedder : ITextEmbedder
    {
        public int Embedded { get; private set; }

        public string Model => "counting";

        public int Dimensions => 2;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Embedded += texts.Count;
            return texts.Select(t => new[] { 0.6f, 0.8f * (t.Length % 2 == 0 ? 1 : -1) }).ToArray();
        }
    }
}
