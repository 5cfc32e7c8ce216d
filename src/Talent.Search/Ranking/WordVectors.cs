using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Talent.Search.Ranking;

/// <summary>
/// Texts as unit tf-idf vectors of their analysed terms (sublinear term frequency times smoothed idf, document
/// frequencies from the index), and their cosine: how close a description or a query is to one paper in words. Used by
/// match (every paper of every candidate it re-ranks) and by search's re-rank (the query's words). One instance per
/// acquired searcher and request, on one thread. It keeps every term it has seen with its idf, so a paper is compared
/// without building its vector and, once its words have been seen, without allocating (a match reads every paper of up
/// to a few hundred candidates: tens of thousands for prolific ones); papers' analysed terms are kept between requests
/// (<see cref="AnalysedTexts"/>), and <see cref="Share"/> leaves the idfs it looked up to the requests after it on the
/// same reader.
/// </summary>
internal sealed class WordVectors(IndexSearcher searcher, Analyzer analyzer)
{
    /// <summary>
    /// The idf of every term looked up so far in one index reader, shared by the requests that read it (a match looks
    /// up every distinct word of every paper it reads; most were looked up by the requests before). Dropped with the
    /// reader when a refresh replaces it.
    /// </summary>
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, double>> KnownIdfs = new();

    /// <summary>At most this many terms' idfs are kept per reader (a few tens of MB); further terms are looked up each time.</summary>
    private const int MaxKnownIdfs = 250_000;

    private static readonly IReadOnlyDictionary<string, double> EmptyTable = new Dictionary<string, double>();

    /// <summary>Papers' and candidates' texts as analysed terms, kept between requests (see <see cref="AnalysedTexts"/>).</summary>
    private readonly AnalysedTexts texts = AnalysedTexts.Of(analyzer);

    private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);
    private readonly List<string> terms = [];
    private readonly List<double> idfs = [];

    /// <summary>The terms of the text being read, by slot: how often each occurs, and the slots in the order first seen.</summary>
    private readonly List<int> textSlots = [];
    private int[] textCounts = new int[256];

    private readonly BytesRef termBytes = new();
    private TermsEnum? titleTerms;
    private TermsEnum? abstractTerms;
    private IReadOnlyDictionary<string, double>? known;

    /// <summary>Slots whose idf this instance looked up in the index (not known from the requests before).</summary>
    private readonly List<int> lookedUp = [];

    /// <summary>A unit tf-idf vector of the text's analysed terms (empty when it has none).</summary>
    public Dictionary<string, double> Of(string text)
    {
        Read(text);
        var vector = new Dictionary<string, double>(textSlots.Count, StringComparer.Ordinal);
        var squares = 0d;
        foreach (var slot in textSlots)
        {
            var weight = Weight(slot);
            vector[terms[slot]] = weight;
            squares += weight * weight;
        }

        Clear();
        if (squares == 0)
        {
            return vector;
        }

        var length = Math.Sqrt(squares);
        foreach (var term in vector.Keys)
        {
            vector[term] /= length;
        }

        return vector;
    }

    /// <summary>
    /// The cosine, 0–1, of a unit vector (<see cref="Of"/>) and the text made of <paramref name="first"/> and
    /// <paramref name="second"/> read as one (as if joined by a line break), without building the text's vector.
    /// </summary>
    public double Cosine(IReadOnlyDictionary<string, double> vector, string first, string? second = null)
    {
        if (vector.Count == 0)
        {
            return 0;
        }

        Count(first);
        if (!string.IsNullOrEmpty(second))
        {
            Count(second);
        }

        var dot = 0d;
        var squares = 0d;
        foreach (var slot in textSlots)
        {
            var weight = Weight(slot);
            squares += weight * weight;
            if (vector.TryGetValue(terms[slot], out var other))
            {
                dot += weight * other;
            }
        }

        Clear();
        return squares == 0 ? 0 : Math.Clamp(dot / Math.Sqrt(squares), 0, 1);
    }

    /// <summary>
    /// How much of a query a text holds: the sum of the squared weights of the query's terms the text uses (0–1 for a unit
    /// vector; its length does not matter). The text is <paramref name="first"/> and <paramref name="second"/> read as one
    /// (a paper's title and abstract, as <see cref="Cosine(IReadOnlyDictionary{string, double}, string, string?)"/> reads
    /// them), its terms kept only as <see cref="AnalysedTexts"/> keeps texts: search asks it of every paper of the hits it
    /// re-ranks.
    /// </summary>
    public static double Coverage(Dictionary<string, double> query, Analyzer analyzer, string first, string? second = null)
    {
        if (query.Count == 0)
        {
            return 0;
        }

        HashSet<string>? held = null;
        Hold(query, analyzer, first, ref held);
        if (!string.IsNullOrEmpty(second))
        {
            Hold(query, analyzer, second, ref held);
        }

        // Summed in the query's order, whatever the text's.
        var sum = 0d;
        foreach (var (key, weight) in query)
        {
            sum += held?.Contains(key) == true ? weight * weight : 0;
        }

        return sum;
    }

    /// <summary>Adds to <paramref name="held"/> the query's terms the text uses.</summary>
    private static void Hold(Dictionary<string, double> query, Analyzer analyzer, string text, ref HashSet<string>? held)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var lookup = query.GetAlternateLookup<ReadOnlySpan<char>>();
        if (AnalysedTexts.Of(analyzer).Read(text) is { } read)
        {
            for (var i = 0; i < read.Count; i++)
            {
                if (lookup.TryGetValue(read.Name(i), out var key, out _))
                {
                    (held ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
                }
            }

            return;
        }

        using var stream = analyzer.GetTokenStream(IndexFields.Titles, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var key, out _))
            {
                (held ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
            }
        }

        stream.End();
    }

    /// <summary>The cosine of two unit vectors, 0–1.</summary>
    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0d;
        foreach (var (term, weight) in small)
        {
            if (large.TryGetValue(term, out var other))
            {
                sum += weight * other;
            }
        }

        return Math.Clamp(sum, 0, 1);
    }

    private double Weight(int slot) => (1 + Math.Log(textCounts[slot])) * idfs[slot];

    /// <summary>Counts the text's analysed terms into <see cref="textCounts"/>, a term seen for the first time given a slot and its idf.</summary>
    private void Read(string text)
    {
        using var stream = analyzer.GetTokenStream(IndexFields.Abstracts, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            Tally(term.Buffer.AsSpan(0, term.Length), 1);
        }

        stream.End();
    }

    /// <summary>Adds <paramref name="occurrences"/> of a term to the text's counts (<see cref="textCounts"/>).</summary>
    private void Tally(ReadOnlySpan<char> name, int occurrences)
    {
        if (!slots.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var slot))
        {
            slot = Add(name.ToString());
        }

        if (textCounts[slot] == 0)
        {
            textSlots.Add(slot);
        }

        textCounts[slot] += occurrences;
    }

    private int Add(string term)
    {
        var slot = terms.Count;
        slots.Add(term, slot);
        terms.Add(term);
        idfs.Add(Idf(term, slot));
        if (slot == textCounts.Length)
        {
            Array.Resize(ref textCounts, textCounts.Length * 2);
        }

        return slot;
    }

    /// <summary>Counts a text's analysed terms into <see cref="textCounts"/>: those kept between requests, or read as <see cref="Read"/> does.</summary>
    private void Count(string text)
    {
        if (texts.Read(text) is not { } read)
        {
            Read(text);
            return;
        }

        for (var i = 0; i < read.Count; i++)
        {
            Tally(read.Name(i), read.Occurrences(i));
        }
    }

    private void Clear()
    {
        foreach (var slot in textSlots)
        {
            textCounts[slot] = 0;
        }

        textSlots.Clear();
    }

    /// <summary>
    /// Leaves the idfs this instance looked up in the index to the requests after it on the same reader. Called once,
    /// when the request's work is done: adding terms one at a time as they are met would have concurrent requests wait
    /// on the shared table's locks.
    /// </summary>
    public void Share()
    {
        var table = KnownIdfs.GetValue(searcher.IndexReader, _ => new ConcurrentDictionary<string, double>(StringComparer.Ordinal));
        var room = MaxKnownIdfs - table.Count;
        foreach (var slot in lookedUp.Take(Math.Max(0, room)))
        {
            table.TryAdd(terms[slot], idfs[slot]);
        }

        lookedUp.Clear();
    }

    /// <summary>How many terms' idfs requests on <paramref name="reader"/> have left for later ones.</summary>
    internal static int SharedCount(IndexReader reader) => KnownIdfs.TryGetValue(reader, out var table) ? table.Count : 0;

    /// <summary>Smoothed idf over candidates (a candidate "contains" a word used in any title or abstract of theirs).</summary>
    private double Idf(string term, int slot)
    {
        known ??= KnownIdfs.TryGetValue(searcher.IndexReader, out var table) ? table : EmptyTable;
        if (known.TryGetValue(term, out var idf))
        {
            return idf;
        }

        // One terms enumerator per field for the instance's life: a new one per lookup (IndexReader.DocFreq) costs more
        // than the lookup.
        titleTerms ??= TermsOf(IndexFields.Titles);
        abstractTerms ??= TermsOf(IndexFields.Abstracts);
        termBytes.CopyChars(term);
        var df = Math.Max(DocFreq(titleTerms, termBytes), DocFreq(abstractTerms, termBytes));
        if (df > 0)
        {
            // Only words some paper holds are left for later requests: a description of made-up words would
            // otherwise fill the shared table with terms no paper can match.
            lookedUp.Add(slot);
        }

        return Math.Log((searcher.IndexReader.NumDocs + 1d) / (df + 1d)) + 1;
    }

    private TermsEnum TermsOf(string field) => MultiFields.GetTerms(searcher.IndexReader, field)?.GetEnumerator() ?? TermsEnum.EMPTY;

    private static int DocFreq(TermsEnum terms, BytesRef term) => terms != TermsEnum.EMPTY && terms.SeekExact(term) ? terms.DocFreq : 0;
}
