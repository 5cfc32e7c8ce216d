using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;
using Talent.Profiles.Merging;
using Talent.Search;
using Talent.Search.Ranking;
using Talent.Search.Recruiting;
using Talent.Server.Demo;
using Talent.Server.Ingestion;
using Talent.Tests.Search;

namespace Talent.Tests.Ranking;

/// <summary>
/// Match compares every paper it reads with the description without building the paper's vector, one instance reading
/// paper after paper and leaving the idfs it looked up to the next request: each cosine must be the one the paper's own
/// vector gives, whatever was read before it and whichever request looked its words up. Search weighs a paper by the
/// share of the query's words it holds, read the same way.
/// </summary>
public sealed class WordVectorsTests : IDisposable
{
    private static readonly ProfileCatalogs Catalogs = ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config"));

    private readonly FoldingAnalyzer analyzer = new();
    private readonly RAMDirectory directory = new();
    private readonly IReadOnlyList<CandidateProfile> profiles;

    public WordVectorsTests()
    {
        var extractor = new ProfileExtractor(Catalogs);
        profiles = DemoLoader.Documents()
            .Select(d => extractor.Extract(DocumentText.ForExtraction(d.Name, System.Text.Encoding.UTF8.GetBytes(d.Content))))
            .Select(r => ProfileMerger.Merge([new SourceProfile("s", Assert.IsType<ExtractionResult.Accepted>(r).Profile, DateTimeOffset.UnixEpoch)]))
            .Append(SearchTestCorpus.PersonAProfile)
            .Append(SearchTestCorpus.PersonBProfile)
            .ToList();
        Write(profiles.Take(profiles.Count - 1));
    }

    public void Dispose()
    {
        directory.Dispose();
        analyzer.Dispose();
    }

    [Fact]
    public void A_paper_read_after_others_has_the_cosine_of_its_own_vector()
    {
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var papers = Papers();
        Assert.True(papers.Count >= 10, $"only {papers.Count} papers");
        Assert.Contains(papers, p => !string.IsNullOrEmpty(p.Abstract));

        var reused = new WordVectors(searcher, analyzer);
        foreach (var description in Descriptions(papers))
        {
            var query = reused.Of(description);
            var closeOnes = 0;
            foreach (var (title, @abstract) in papers)
            {
                var expected = WordVectors.Cosine(query, new WordVectors(searcher, analyzer).Of(title + "\n" + @abstract));
                Assert.Equal(expected, reused.Cosine(query, title, @abstract), 12);
                closeOnes += expected > 0.05 ? 1 : 0;
            }

            Assert.True(closeOnes > 0, $"no paper shares a word with \"{description[..40]}\"");
        }
    }

    [Fact]
    public void Idfs_left_by_one_request_are_those_of_its_reader()
    {
        var papers = Papers();
        var description = Descriptions(papers)[0];
        List<double> before;
        using (var reader = DirectoryReader.Open(directory))
        {
            before = SharedThenReused(new IndexSearcher(reader), description, papers);
        }

        // One more candidate changes document frequencies: a request on the new reader must not take the old reader's idfs.
        Write([profiles[^1]]);
        using (var reader = DirectoryReader.Open(directory))
        {
            var searcher = new IndexSearcher(reader);
            var later = new WordVectors(searcher, analyzer);
            var query = later.Of(description);
            var after = papers.Select(p => later.Cosine(query, p.Title, p.Abstract)).ToList();
            var fresh = new WordVectors(searcher, analyzer).Of(description);
            Assert.Equal(papers.Select(p => WordVectors.Cosine(fresh, new WordVectors(searcher, analyzer).Of(p.Title + "\n" + p.Abstract))), after, new Close());
            Assert.NotEqual(before, after);
        }
    }

    [Fact]
    public void Only_words_some_paper_holds_are_left_to_later_requests()
    {
        var papers = Papers();
        var made = Enumerable.Range(0, 500).Select(i => $"zqx{i:D3}vork").ToList(); // no paper holds these
        var plain = Descriptions(papers)[0];
        int Shared(string description, out List<double> cosines)
        {
            using var reader = DirectoryReader.Open(directory); // a reader of its own: a table of its own
            cosines = SharedThenReused(new IndexSearcher(reader), description, papers);
            return WordVectors.SharedCount(reader);
        }

        var withMadeUpWords = Shared(plain + " " + string.Join(' ', made), out var madeUpCosines);
        var without = Shared(plain, out var plainCosines);
        Assert.InRange(without, 10, 100_000);
        Assert.Equal(without, withMadeUpWords);
        Assert.All(madeUpCosines.Zip(plainCosines), c => Assert.True(c.First < c.Second || c.Second == 0, "made-up words count in the description's own vector"));
    }

    [Fact]
    public void A_papers_coverage_of_a_query_is_the_weight_of_the_query_words_it_uses()
    {
        using var reader = DirectoryReader.Open(directory);
        var vectors = new WordVectors(new IndexSearcher(reader), analyzer);
        var papers = Papers();
        var covered = 0;
        foreach (var description in Descriptions(papers).Append("video generation"))
        {
            var query = vectors.Of(description);
            foreach (var (title, @abstract) in papers)
            {
                var text = @abstract is null ? title : title + "\n" + @abstract;
                var words = vectors.Of(text);
                var expected = query.Sum(t => words.ContainsKey(t.Key) ? t.Value * t.Value : 0);
                Assert.Equal(expected, WordVectors.Coverage(query, analyzer, text));
                Assert.Equal(expected, WordVectors.Coverage(query, analyzer, title, @abstract));
                covered += expected > 0 ? 1 : 0;
            }
        }

        Assert.True(covered > 3, $"only {covered} papers hold a word of the queries");
        Assert.Equal(0, WordVectors.Coverage(vectors.Of("video generation"), analyzer, "  "));
        Assert.Equal(1, WordVectors.Coverage(vectors.Of("video generation"), analyzer, "Generating videos: video generation"), 12);
    }

    [Fact]
    public void A_text_without_words_or_a_description_without_words_is_not_close()
    {
        using var reader = DirectoryReader.Open(directory);
        var vectors = new WordVectors(new IndexSearcher(reader), analyzer);
        var query = vectors.Of("video generation with diffusion models");
        Assert.Equal(0, vectors.Cosine(query, "the of and", null));
        Assert.Equal(0, vectors.Cosine(vectors.Of("the of and"), "Video generation", "diffusion"));
        Assert.Equal(1, vectors.Cosine(query, "Video generation with diffusion", "models"), 12);
    }

    /// <summary>
    /// The cosines of the papers with the description, read by one request that then shares its idfs; a later request on
    /// the same reader, taking those idfs and looking the rest up, must get the same.
    /// </summary>
    private List<double> SharedThenReused(IndexSearcher searcher, string description, IReadOnlyList<(string Title, string? Abstract)> papers)
    {
        var first = new WordVectors(searcher, analyzer);
        var query = first.Of(description);
        var cosines = papers.Select(p => first.Cosine(query, p.Title, p.Abstract)).ToList();
        first.Share();

        var next = new WordVectors(searcher, analyzer);
        var nextQuery = next.Of(description);
        Assert.Equal(cosines, papers.Select(p => next.Cosine(nextQuery, p.Title, p.Abstract)));
        return cosines;
    }

    private List<(string Title, string? Abstract)> Papers() =>
        profiles.SelectMany(p => p.Publications).Select(p => (p.Publication.Title, p.Publication.Abstract)).Distinct().ToList();

    /// <summary>A paper with its abstract, a job ad built from several profiles' words, and a short query.</summary>
    private static List<string> Descriptions(List<(string Title, string? Abstract)> papers) =>
    [
        papers.Where(p => !string.IsNullOrEmpty(p.Abstract)).Select(p => p.Title + "\n" + p.Abstract).First(),
        "We are hiring an engineer for " + string.Join("; ", papers.Take(6).Select(p => p.Title)),
        papers[^1].Title,
    ];

    private void Write(IEnumerable<CandidateProfile> written)
    {
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, CandidateDocument.IndexAnalyzer(analyzer)));
        var id = writer.NumDocs;
        foreach (var profile in written)
        {
            writer.AddDocument(CandidateDocument.Create(++id, profile, DateTimeOffset.UnixEpoch, Catalogs));
        }

        writer.Commit();
    }

    private sealed class Close : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
