using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Talent.Profiles.Catalogs;

namespace Talent.Search.Recruiting;

/// <summary>
/// Reads two words of <c>config/compounds.json</c> that follow each other ("front end", and "front-end", which the
/// tokenizer splits) as the words written together ("frontend"), one term at the first word's position, so every
/// spelling is one term to the index and to queries, and the words after it keep their distance to it. Runs on stems,
/// so "pre-trained", "pre-training" and "pretrained" are one term. Lucene's synonym filter would leave a gap after a
/// compound written apart, and a phrase would then not find it written together. Two words a stop word stood between
/// are not joined.
/// </summary>
internal sealed class CompoundWordFilter : TokenFilter
{
    private readonly Table table;
    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute position;
    private readonly IOffsetAttribute offset;

    /// <summary>The token read after a first word that did not complete a compound: the next one given.</summary>
    private State? pending;
    private bool ended;

    public CompoundWordFilter(TokenStream input, Table table)
        : base(input)
    {
        this.table = table;
        term = AddAttribute<ICharTermAttribute>();
        position = AddAttribute<IPositionIncrementAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        if (pending is not null)
        {
            RestoreState(pending);
            pending = null;
        }
        else if (ended || !m_input.IncrementToken())
        {
            ended = true;
            return false;
        }

        if (!table.ByFirstWord.TryGetValue(term.Buffer, 0, term.Length, out var seconds))
        {
            return true;
        }

        var first = CaptureState();
        var start = offset.StartOffset;
        if (!m_input.IncrementToken())
        {
            ended = true;
            RestoreState(first);
            return true;
        }

        if (position.PositionIncrement == 1 && seconds.TryGetValue(term.Buffer, 0, term.Length, out var joined))
        {
            var end = offset.EndOffset;
            RestoreState(first);
            term.SetEmpty().Append(joined);
            offset.SetOffset(start, end);
            return true;
        }

        pending = CaptureState();
        RestoreState(first);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        pending = null;
        ended = false;
    }

    /// <summary>The compounds as stems: by first word, the second words and the term of the two (looked up without a string).</summary>
    internal sealed class Table(CharArrayDictionary<CharArrayDictionary<string>> byFirstWord)
    {
        public static Table None { get; } = new(new CharArrayDictionary<CharArrayDictionary<string>>(LuceneVersion.LUCENE_48, 0, ignoreCase: false));

        public CharArrayDictionary<CharArrayDictionary<string>> ByFirstWord { get; } = byFirstWord;

        public bool IsEmpty => ByFirstWord.Count == 0;

        /// <summary>
        /// The table of <paramref name="compounds"/> (each two words written apart) as <paramref name="analyzer"/> reads
        /// them; throws <see cref="CatalogException"/> for one whose words are not two terms (a stop word) or whose
        /// words written together are not one.
        /// </summary>
        public static Table Of(IReadOnlyList<string> compounds, Analyzer analyzer)
        {
            var byFirstWord = new CharArrayDictionary<CharArrayDictionary<string>>(LuceneVersion.LUCENE_48, compounds.Count, ignoreCase: false);
            foreach (var compound in compounds)
            {
                var parts = AnalyzedTerms.Of(analyzer, compound);
                var together = AnalyzedTerms.Of(analyzer, compound.Replace(" ", "", StringComparison.Ordinal));
                if (parts.Count != 2 || together.Count != 1)
                {
                    throw new CatalogException($"compounds.json: \"{compound}\" is not two words to search (a stop word?), or not one written together");
                }

                if (!byFirstWord.TryGetValue(parts[0], out var seconds))
                {
                    seconds = new CharArrayDictionary<string>(LuceneVersion.LUCENE_48, 1, ignoreCase: false);
                    byFirstWord[parts[0]] = seconds;
                }

                seconds[parts[1]] = together[0];
            }

            return new Table(byFirstWord);
        }
    }
}
