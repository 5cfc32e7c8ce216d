using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Talent.Search.Recruiting;

/// <summary>The terms an analyzer makes of a text, in order, as a text field of the index would hold them.</summary>
internal static class AnalyzedTerms
{
    public static List<string> Of(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }

        using var stream = analyzer.GetTokenStream(IndexFields.Titles, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
