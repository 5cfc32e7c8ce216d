using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Talent.Search.Caching;

namespace Talent.Search.Ranking;

/// <summary>
/// The stored candidates and own words that ranking reads from the index, kept per index reader within
/// <see cref="BudgetBytes"/>. A match reads every candidate it re-ranks and a search the best hits of its window;
/// reading the stored fields and parsing the candidate's JSON was a third of a match over prolific researchers, and the
/// same candidates come back request after request (a candidate is kept the second time it is read). Kept per reader,
/// so what is kept goes with the reader a refresh replaces: a candidate updated or erased is never read from here once
/// the index has changed.
/// </summary>
internal static class StoredCandidates
{
    /// <summary>About how much memory one reader's kept candidates may take.</summary>
    public const long BudgetBytes = 32L * 1024 * 1024;

    /// <summary>Rough size of a kept candidate's objects beyond its text: records, lists and the cache's entry.</summary>
    private const int EntryOverhead = 256;

    private static readonly ConditionalWeakTable<IndexReader, GenerationalCache<int, Read>> PerReader = new();

    /// <summary>The stored candidate of a document of the searcher's reader (null when it holds none) and their own words ("" when none).</summary>
    public static Read Of(IndexSearcher searcher, int doc)
    {
        var kept = PerReader.GetValue(searcher.IndexReader, _ => new GenerationalCache<int, Read>(BudgetBytes));
        if (kept.TryGet(doc, out var read))
        {
            return read;
        }

        var document = searcher.Doc(doc);
        read = new Read(CandidateDocument.Read(document), OwnText.Read(document));

        if (kept.Admits(doc))
        {
            // The candidate's strings take about twice its stored UTF-8 (mostly ASCII) bytes, and its records and lists as much again.
            var stored = document.GetBinaryValue(IndexFields.Stored)?.Length ?? (2 * (document.Get(IndexFields.Stored)?.Length ?? 0));
            kept.Add(doc, read, EntryOverhead + (4L * stored) + (2L * read.OwnText.Length));
        }

        return read;
    }

    /// <summary>What <see cref="Of"/> read: shared by every request on the reader, so never changed.</summary>
    public sealed record Read(StoredCandidate? Candidate, string OwnText);
}
