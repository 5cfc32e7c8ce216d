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
/// per ideograph), so a name is found in its script and, where the document gives it, in its romanisation.
/// </summary>
internal sealed class FoldingAnalyzer : Analyzer
{
    private static readonly CharArraySet StopWords = EnglishAnalyzer.DefaultStopSet;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream result = new StandardFilter(LuceneVersion.LUCENE_48, source);
        result = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, result);
        result = new LowerCaseFilter(LuceneVersion.LUCENE_48, result);
        result = new ASCIIFoldingFilter(result);
        result = new StopFilter(LuceneVersion.LUCENE_48, result, StopWords);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
