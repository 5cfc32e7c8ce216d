using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Talent.Search.Caching;

namespace Talent.Search.Ranking;

/// <summary>
/// Texts already read by an analyser, kept between requests: each text's distinct analysed terms in the order first
/// met, with how often each occurs. Match reads every paper of every candidate it re-ranks (tens of thousands of titles
/// for a couple of hundred prolific researchers) and search the papers of its best hits; the same papers come back
/// request after request, and running the analysis chain (tokenizer, folding, stop words, Porter stems) was most of a
/// match's time. A text's terms depend on the analyser alone, not on the index, so they outlive a refresh. Bounded: a
/// text is kept the second time it is read (one read once is analysed as it is read, without keeping anything), a text
/// longer than <see cref="MaxTextLength"/> is never kept, and the texts kept take about <see cref="BudgetBytes"/> at
/// most (<see cref="GenerationalCache{TKey, TValue}"/>).
/// </summary>
internal sealed class AnalysedTexts
{
    /// <summary>
    /// Longest text kept (characters): titles, the texts a prolific researcher has hundreds of, and short statements. An
    /// abstract (up to 3,000) is analysed each time: kept, its text and terms would take tens of times a title's memory.
    /// </summary>
    public const int MaxTextLength = 512;

    /// <summary>About how much memory the texts kept may take (the texts and their terms).</summary>
    public const long BudgetBytes = 32L * 1024 * 1024;

    /// <summary>Rough size of a kept entry beyond its characters and terms: the dictionary's node, the objects' and arrays' headers.</summary>
    private const int EntryOverhead = 160;

    private static readonly ConditionalWeakTable<Analyzer, AnalysedTexts> PerAnalyzer = new();

    /// <summary>What <see cref="Analyse"/> works in, one per thread, so a text kept costs its terms and nothing more.</summary>
    private static readonly ThreadLocal<AnalysisScratch> Scratch = new(() => new AnalysisScratch());

    private readonly Analyzer analyzer;
    private readonly GenerationalCache<string, Terms> kept;

    internal AnalysedTexts(Analyzer analyzer, long budgetBytes = BudgetBytes)
    {
        this.analyzer = analyzer;
        kept = new GenerationalCache<string, Terms>(budgetBytes, StringComparer.Ordinal);
    }

    /// <summary>The kept texts of one analyser (created with the first, dropped with the analyser).</summary>
    public static AnalysedTexts Of(Analyzer analyzer) => PerAnalyzer.GetValue(analyzer, a => new AnalysedTexts(a));

    /// <summary>Texts kept now.</summary>
    internal int Count => kept.Count;

    /// <summary>About how many bytes the kept texts take now.</summary>
    internal long Bytes => kept.Bytes;

    /// <summary>
    /// A text's distinct analysed terms, in the order first met, and how often each occurs, when the text is kept or
    /// worth keeping (read before, and not too long); null otherwise, for the caller to analyse it as it reads it.
    /// </summary>
    public Terms? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxTextLength)
        {
            return null;
        }

        if (kept.TryGet(text, out var terms))
        {
            return terms;
        }

        if (!kept.Admits(text))
        {
            return null;
        }

        terms = Analyse(text);
        kept.Add(text, terms, EntryOverhead + (2L * (text.Length + terms.Characters)) + (8L * terms.Count));
        return terms;
    }

    private Terms Analyse(string text)
    {
        var scratch = Scratch.Value!;
        scratch.Clear();
        var seen = scratch.Seen.GetAlternateLookup<ReadOnlySpan<char>>();
        using var stream = analyzer.GetTokenStream(IndexFields.Abstracts, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var span = term.Buffer.AsSpan(0, term.Length);
            if (seen.TryGetValue(span, out var index))
            {
                scratch.Counts[index]++;
                continue;
            }

            scratch.Seen.Add(span.ToString(), scratch.Ends.Count);
            scratch.Names.Append(span);
            scratch.Ends.Add(scratch.Names.Length);
            scratch.Counts.Add(1);
        }

        stream.End();
        return new Terms(scratch.Names.ToString(), [.. scratch.Ends], [.. scratch.Counts]);
    }

    private sealed class AnalysisScratch
    {
        public readonly Dictionary<string, int> Seen = new(StringComparer.Ordinal);
        public readonly StringBuilder Names = new();
        public readonly List<int> Ends = [];
        public readonly List<int> Counts = [];

        public void Clear()
        {
            Seen.Clear();
            Names.Clear();
            Ends.Clear();
            Counts.Clear();
        }
    }

    /// <summary>
    /// A text's distinct analysed terms in the order first met (one string of them all, each ending where
    /// <c>ends</c> says) and how often each occurs: two arrays and a string, whatever the number of terms.
    /// </summary>
    public sealed class Terms(string names, int[] ends, int[] counts)
    {
        /// <summary>How many distinct terms.</summary>
        public int Count => ends.Length;

        /// <summary>Characters of all the terms together.</summary>
        public int Characters => names.Length;

        /// <summary>The <paramref name="index"/>th term first met.</summary>
        public ReadOnlySpan<char> Name(int index) => names.AsSpan(index == 0 ? 0 : ends[index - 1], ends[index] - (index == 0 ? 0 : ends[index - 1]));

        /// <summary>How often the <paramref name="index"/>th term occurs.</summary>
        public int Occurrences(int index) => counts[index];
    }
}
