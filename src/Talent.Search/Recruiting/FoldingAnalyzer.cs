using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Talent.Search.Recruiting;

/// <summary>
/// English analysis (possessives, stop words, Porter stems) with case and accent folding: "Müller", "MULLER" and
/// "Muller" are one term, as are "Gonçalves" and "Goncalves", "ø" and "o", and full-width Latin letters and digits
/// and their ASCII forms. Chinese, Japanese and Korean text keeps its script (the standard tokenizer makes one term
/// per ideograph), so a name is found in its script and, where the document gives it, in its romanisation. Two words
/// of <c>config/compounds.json</c> are one term however they are written ("front end", "front-end", "frontend"; see
/// <see cref="CompoundWordFilter"/>).
/// </summary>
internal sealed class FoldingAnalyzer : Analyzer
{
    private static readonly CharArraySet StopWords = EnglishAnalyzer.DefaultStopSet;

    /// <summary>
    /// The version of this analysis: raise it whenever a change makes it give other terms for the same text, or the index
    /// other text for the same profile (3: the skills listed skills imply, <see cref="CandidateDocument.SkillQuery"/>; 4: the
    /// skill facet counts them too), so indexes made before are rebuilt (see <see cref="CandidateIndex.AnalysisChanged"/>).
    /// </summary>
    private const int Version = 4;

    private readonly CompoundWordFilter.Table compounds;

    public FoldingAnalyzer()
        : this([])
    {
    }

    /// <summary>English analysis that reads <paramref name="compounds"/> (two words each, as written apart) as one term each.</summary>
    public FoldingAnalyzer(IReadOnlyList<string> compounds)
    {
        ArgumentNullException.ThrowIfNull(compounds);
        if (compounds.Count == 0)
        {
            this.compounds = CompoundWordFilter.Table.None;
            return;
        }

        using var plain = new FoldingAnalyzer();
        this.compounds = CompoundWordFilter.Table.Of(compounds, plain);
        Signature = $"folding {Version}; compounds {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', compounds.Order(StringComparer.Ordinal)))))[..16]}";
    }

    /// <summary>Names this analysis: the same signature, the same terms for every text.</summary>
    public string Signature { get; } = $"folding {Version}; compounds none";

    /// <summary>
    /// The query with each compound written apart outside quotes ("front end developer") written together
    /// ("frontend developer"): the query parser analyzes the words between spaces one at a time, so it would never see
    /// the two words together. Quoted phrases are analyzed whole, and so are left as they are.
    /// </summary>
    public string JoinCompounds(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (compounds.IsEmpty)
        {
            return query;
        }

        var words = query.Split(' ');
        var joined = new List<string>(words.Length);
        var quoted = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (!quoted && i + 1 < words.Length && IsPlainWord(word) && IsPlainWord(words[i + 1]) && IsCompound(word, words[i + 1]))
            {
                joined.Add(word + words[++i]);
                continue;
            }

            quoted ^= word.Count(c => c == '"') % 2 == 1;
            joined.Add(word);
        }

        return string.Join(' ', joined);
    }

    private static bool IsPlainWord(string word) => word.Length > 0 && word.All(char.IsLetterOrDigit);

    private bool IsCompound(string first, string second) =>
        Term(first) is { } term && compounds.ByFirstWord.TryGetValue(term, out var seconds) && Term(second) is { } next && seconds.ContainsKey(next);

    /// <summary>The one term a word is, or null (a stop word).</summary>
    private string? Term(string word)
    {
        var terms = AnalyzedTerms.Of(this, word);
        return terms.Count == 1 ? terms[0] : null;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream result = new StandardFilter(LuceneVersion.LUCENE_48, source);
        result = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, result);
        result = new LowerCaseFilter(LuceneVersion.LUCENE_48, result);
        result = new ASCIIFoldingFilter(result);
        result = new StopFilter(LuceneVersion.LUCENE_48, result, StopWords);
        result = new PorterStemFilter(result);
        if (!compounds.IsEmpty)
        {
            result = new CompoundWordFilter(result, compounds);
        }

        return new TokenStreamComponents(source, result);
    }
}
