using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Talent.Profiles;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;
using Talent.Profiles.Merging;
using Talent.Search;
using Talent.Search.Recruiting;
using Talent.Server.Demo;
using Talent.Server.Ingestion;
using Talent.Tests.Evaluation;

namespace Talent.Tests.Search;

/// <summary>
/// A candidate's text values are indexed as one instance per field (<see cref="CandidateDocument.JoinTextValues"/>):
/// the index must hold exactly what the values indexed one by one give — every term, its documents, frequencies and
/// positions, and every field's length norm.
/// </summary>
public sealed class JoinedTextValuesTests
{
    private static readonly ProfileCatalogs Catalogs = ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config"));

    [Fact]
    public void Joined_values_index_as_the_values_one_by_one_for_the_sample_and_test_profiles()
    {
        var profiles = DemoLoader.Documents().Select(d => Profile(d.Name, System.Text.Encoding.UTF8.GetBytes(d.Content)))
            .Append(SearchTestCorpus.PersonAProfile)
            .Append(SearchTestCorpus.PersonBProfile)
            .Append(Boundaries)
            .ToList();
        AssertSameIndex(profiles);
    }

    [RealProfilesFact]
    public void Joined_values_index_as_the_values_one_by_one_for_the_real_documents()
    {
        var documents = System.IO.Directory.GetFiles(Path.Combine(TestPaths.SharedDirectory, "data", "real-profiles", "docs")).Order(StringComparer.Ordinal);
        AssertSameIndex(documents.Select(path => Profile(path, File.ReadAllBytes(path))).ToList());
    }

    [Fact]
    public void A_field_holds_one_instance_after_joining_and_stored_and_keyword_fields_are_kept()
    {
        var apart = CandidateDocument.CreateWithValuesApart(1, Boundaries, DateTimeOffset.UnixEpoch, Catalogs);
        var joined = CandidateDocument.JoinTextValues(apart);
        Assert.True(apart.GetFields(IndexFields.Roles).Length > 1);
        Assert.Single(joined.GetFields(IndexFields.Roles));
        foreach (var field in apart.Fields.Where(f => f is not TextField))
        {
            Assert.Contains(field, joined.Fields);
        }
    }

    /// <summary>Values that begin and end with stop words, possessives, accents, a script without spaces, and a value that is only a stop word.</summary>
    private static CandidateProfile Boundaries { get; } = new()
    {
        Name = "Zoë O'Brien",
        Headline = "the",
        Experience =
        [
            new Sourced<ExperienceEntry>(new ExperienceEntry { Organization = "The Lab of the", Title = "Engineer at the", Highlights = ["and the model's training", "the", "视频生成 的 模型", "Müller's café of a"] }, ["s"]),
            new Sourced<ExperienceEntry>(new ExperienceEntry { Organization = "an Institute", Title = "of", Highlights = ["C++ and C# to the end.", "x"] }, ["s"]),
        ],
        Interests = ["the video generation of", "a", "sequence parallelism and the"],
        Organizations = ["the", "Zürich Lab"],
    };

    private static CandidateProfile Profile(string path, byte[] bytes) =>
        Merge(new ProfileExtractor(Catalogs).Extract(DocumentText.ForExtraction(path, bytes)));

    private static CandidateProfile Merge(ExtractionResult result) =>
        ProfileMerger.Merge([new SourceProfile("s", Assert.IsType<ExtractionResult.Accepted>(result).Profile, DateTimeOffset.UnixEpoch)]);

    private static void AssertSameIndex(IReadOnlyList<CandidateProfile> profiles)
    {
        using var apart = Index(profiles.Select((p, i) => CandidateDocument.CreateWithValuesApart(i + 1, p, DateTimeOffset.UnixEpoch, Catalogs)));
        using var joined = Index(profiles.Select((p, i) => CandidateDocument.Create(i + 1, p, DateTimeOffset.UnixEpoch, Catalogs)));
        using var apartReader = DirectoryReader.Open(apart);
        using var joinedReader = DirectoryReader.Open(joined);
        var apartFields = MultiFields.GetFields(apartReader);
        var joinedFields = MultiFields.GetFields(joinedReader);
        Assert.Equal(apartFields.Order(StringComparer.Ordinal), joinedFields.Order(StringComparer.Ordinal));
        var terms = 0;
        foreach (var field in apartFields)
        {
            terms += AssertSamePostings(field, apartFields.GetTerms(field), joinedFields.GetTerms(field));
            AssertSameNorms(field, apartReader, joinedReader);
        }

        Assert.True(terms > 100, $"only {terms} terms compared");
    }

    private static int AssertSamePostings(string field, Terms apart, Terms joined)
    {
        var apartTerms = apart.GetEnumerator();
        var joinedTerms = joined.GetEnumerator();
        var count = 0;
        while (apartTerms.MoveNext())
        {
            Assert.True(joinedTerms.MoveNext(), $"{field}: {apartTerms.Term.Utf8ToString()} missing after joining");
            Assert.Equal(apartTerms.Term.Utf8ToString(), joinedTerms.Term.Utf8ToString());
            var apartPositions = apartTerms.DocsAndPositions(null, null);
            var joinedPositions = joinedTerms.DocsAndPositions(null, null);
            if (apartPositions is null)
            {
                Assert.Null(joinedPositions);
                AssertSameDocs(field, apartTerms.Docs(null, null, DocsFlags.FREQS), joinedTerms.Docs(null, null, DocsFlags.FREQS));
            }
            else
            {
                AssertSamePositions(field, apartTerms.Term.Utf8ToString(), apartPositions, Assert.IsAssignableFrom<DocsAndPositionsEnum>(joinedPositions));
            }

            count++;
        }

        Assert.False(joinedTerms.MoveNext(), $"{field}: a term only after joining");
        return count;
    }

    private static void AssertSameDocs(string field, DocsEnum apart, DocsEnum joined)
    {
        while (apart.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            Assert.Equal(apart.DocID, joined.NextDoc());
            Assert.True(apart.Freq == joined.Freq, $"{field}: frequency in document {apart.DocID}");
        }

        Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, joined.NextDoc());
    }

    private static void AssertSamePositions(string field, string term, DocsAndPositionsEnum apart, DocsAndPositionsEnum joined)
    {
        while (apart.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            Assert.Equal(apart.DocID, joined.NextDoc());
            Assert.True(apart.Freq == joined.Freq, $"{field}:{term}: frequency in document {apart.DocID}");
            for (var i = 0; i < apart.Freq; i++)
            {
                Assert.True(apart.NextPosition() == joined.NextPosition(), $"{field}:{term}: position {i} in document {apart.DocID}");
            }
        }

        Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, joined.NextDoc());
    }

    private static void AssertSameNorms(string field, IndexReader apart, IndexReader joined)
    {
        var apartNorms = MultiDocValues.GetNormValues(apart, field);
        var joinedNorms = MultiDocValues.GetNormValues(joined, field);
        Assert.Equal(apartNorms is null, joinedNorms is null);
        for (var doc = 0; apartNorms is not null && doc < apart.MaxDoc; doc++)
        {
            Assert.True(apartNorms.Get(doc) == joinedNorms!.Get(doc), $"{field}: norm of document {doc}");
        }
    }

    private static RAMDirectory Index(IEnumerable<Document> documents)
    {
        var directory = new RAMDirectory();
        using var analyzer = CandidateDocument.IndexAnalyzer(new FoldingAnalyzer());
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() });
        foreach (var document in documents)
        {
            writer.AddDocument(document);
        }

        writer.Commit();
        return directory;
    }
}
