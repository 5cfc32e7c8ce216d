using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Talent.Profiles.Catalogs;
using Talent.Search;
using Talent.Search.Recruiting;
using Talent.Storage;

namespace Talent.Benchmarks.Ingest;

internal static partial class IngestBenchmark
{
    /// <summary>
    /// What joining a candidate's text values into one field instance saves (<c>CandidateDocument.JoinTextValues</c>):
    /// the same documents built with each value its own instance and joined, into in-memory index writers by turns,
    /// three times each; each row is the average of its three.
    /// </summary>
    private static IEnumerable<Stage> TextValueStages(ProfileCatalogs catalogs, IReadOnlyList<CandidateChange> changes)
    {
        var apart = new List<Stage>();
        var joined = new List<Stage>();
        for (var turn = 0; turn < 3; turn++)
        {
            apart.Add(IndexInMemory(catalogs, changes, change => CandidateDocument.CreateWithValuesApart(change.CandidateId, change.Profile!, change.UpdatedAt, catalogs)));
            joined.Add(IndexInMemory(catalogs, changes, change => CandidateDocument.Create(change.CandidateId, change.Profile!, change.UpdatedAt, catalogs)));
        }

        return
        [
            Averaged("… Lucene documents with each text value its own field instance (before joining) into an in-memory writer", apart),
            Averaged("… the same with a field's text values joined into one instance (as indexed)", joined),
        ];
    }

    private static Stage IndexInMemory(ProfileCatalogs catalogs, IReadOnlyList<CandidateChange> changes, Func<CandidateChange, Document> create)
    {
        using var directory = new RAMDirectory();
        using var analyzer = CandidateDocument.IndexAnalyzer(new FoldingAnalyzer(catalogs.Compounds));
        var meter = StageMeter.Start();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var change in changes)
            {
                writer.AddDocument(create(change)); // the log holds upserts only here
            }

            writer.Commit();
        }

        return meter.Stop("", changes.Count);
    }

    private static Stage Averaged(string name, List<Stage> turns) =>
        new(name, turns.Average(t => t.Value), turns.Average(t => t.Cpu), turns.Average(t => t.Allocated));
}
