using System.Text.Json;
using Talent.Profiles.Documents;

namespace Talent.Profiles.Tests.Documents;

/// <summary>Listings printed on a page: values wrapped onto the next line, and values cut at the page's edge, mended.</summary>
public sealed class PrintedTextTests
{
    [Theory]
    [InlineData("{\"a\": \"one\ntwo\"}", "{\"a\": \"one two\"}")]
    [InlineData("{\"a\": \"cut at the ed\n\"b\": 1}", "{\"a\": \"cut at the ed\",\n\"b\": 1}")]
    [InlineData("{\"a\": {\"b\": \"cut\n},\n\"c\": 2}", "{\"a\": {\"b\": \"cut\"\n},\n\"c\": 2}")]
    [InlineData("{\"a\": \"x \\\" y\nz\"}", "{\"a\": \"x \\\" y z\"}")]
    [InlineData("[\"x\",\n\"y\"]", "[\"x\",\n\"y\"]")]
    public void Printed_json_strings_wrapped_or_cut_at_the_edge_are_mended(string printed, string mended)
    {
        var text = PrintedText.MendJson(printed);

        Assert.Equal(mended, text);
        using var _ = JsonDocument.Parse(text);
    }

    [Theory]
    [InlineData("@article{a,\n  url={https://cut\n  title={T},\n}", "@article{a,\n  url={https://cut},\n  title={T},\n}")]
    [InlineData("@article{a,\n  title={T\n@book{b,\n  title={U}}", "@article{a,\n  title={T}}\n@book{b,\n  title={U}}")]
    [InlineData("@article{a,\n  title={A {B} title\n  that wraps},\n}", "@article{a,\n  title={A {B} title\n  that wraps},\n}")]
    [InlineData("@article{a,\n  title={T},\n  year=2021\n}", "@article{a,\n  title={T},\n  year=2021\n}")]
    public void A_printed_bibtex_value_cut_at_the_edge_is_closed_before_the_next_field(string printed, string mended) =>
        Assert.Equal(mended, PrintedText.MendBibtex(printed));
}
