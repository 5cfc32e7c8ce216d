using Talent.Search.Ranking;
using Talent.Search.Recruiting;

namespace Talent.Tests.Ranking;

/// <summary>
/// Papers' analysed terms are kept between requests: what is kept must be what the analyser gives (the same terms in
/// the same order, the same counts), a text is kept only once it comes back, a long text never, and what is kept stays
/// within the budget.
/// </summary>
public sealed class AnalysedTextsTests : IDisposable
{
    private readonly FoldingAnalyzer analyzer = new();

    public void Dispose() => analyzer.Dispose();

    [Theory]
    [InlineData("Long Video Generation with Latent Diffusion Transformers")]
    [InlineData("Müller's models: MULLER and muller model the models, again and again")]
    [InlineData("Ｆｕｌｌ-width ＧＰＵ kernels; 深度学习 for GPU kernels")]
    [InlineData("the of and")]
    [InlineData("")]
    public void A_texts_terms_are_the_analysers_in_the_order_first_met_with_their_counts(string text)
    {
        var texts = new AnalysedTexts(analyzer);
        var expected = Tokens(text).GroupBy(t => t, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();

        Assert.Null(texts.Read(text)); // read once: the caller analyses it
        foreach (var read in new[] { texts.Read(text)!, texts.Read(text)! })
        {
            Assert.Equal(expected, Enumerable.Range(0, read.Count).Select(i => (read.Name(i).ToString(), read.Occurrences(i))));
        }
    }

    [Fact]
    public void A_text_read_again_is_not_analysed_again_and_a_long_one_is_never_kept()
    {
        var texts = new AnalysedTexts(analyzer);
        const string title = "Protein folding at scale";
        Assert.Null(texts.Read(title));
        Assert.Equal(0, texts.Count);
        var kept = texts.Read(title);
        Assert.NotNull(kept);
        Assert.Same(kept, texts.Read(title));
        Assert.Equal(1, texts.Count);

        var description = string.Join(" ", Enumerable.Repeat("protein structure prediction", 200));
        Assert.True(description.Length > AnalysedTexts.MaxTextLength);
        Assert.All(Enumerable.Range(0, 3), _ => Assert.Null(texts.Read(description)));
        Assert.Equal(1, texts.Count);
    }

    [Fact]
    public void Texts_kept_stay_within_the_budget_and_the_ones_in_use_stay()
    {
        const long budget = 200_000;
        var texts = new AnalysedTexts(analyzer, budget);
        const string inUse = "Graph neural networks for molecules";
        texts.Read(inUse);
        var kept = texts.Read(inUse);
        Assert.NotNull(kept);
        for (var i = 0; i < 5_000; i++)
        {
            var title = $"Paper number {i} on topic {i % 97} with words {i * 7919}";
            texts.Read(title);
            Assert.NotNull(texts.Read(title));
            Assert.Same(kept, texts.Read(inUse));
        }

        Assert.True(texts.Bytes <= budget + 1_000, $"{texts.Bytes} bytes kept");
        Assert.True(texts.Count < 5_000, $"{texts.Count} texts kept");
    }

    private List<string> Tokens(string text) => AnalyzedTerms.Of(analyzer, text);
}
