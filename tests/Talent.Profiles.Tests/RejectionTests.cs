using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

public sealed class RejectionTests
{
    private readonly ProfileExtractor extractor = new(RepoPaths.Catalogs);

    [Theory]
    [InlineData("text/markdown", "", "document is empty")]
    [InlineData("text/plain", "   \n\t  \n", "document is empty")]
    [InlineData("text/plain", "PK\u0003\u0004\0\0binary", "document looks binary (it contains NUL characters)")]
    [InlineData("text/plain", "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008abc", "document looks binary (mostly control characters)")]
    [InlineData("text/plain", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD name", "document is not valid UTF-8 text (too many replacement characters)")]
    [InlineData("application/json", "{\"name\": \"x\", \"items\": [1, 2]}", "JSON document is neither a JSON Resume (no 'basics' object) nor a FRESH resume")]
    [InlineData("application/json", "[1, 2, 3]", "JSON document is neither a JSON Resume (no 'basics' object) nor a FRESH resume")]
    [InlineData("application/json", "{\"basics\": ", "JSON document is not valid JSON (")]
    [InlineData("application/x-unknown", "%PDF-1.7", "unsupported content type 'application/x-unknown' (expected one of: text/markdown, text/plain, text/html, application/json, application/x-tex, application/x-bibtex, text/x-jemdoc, application/xml, application/pdf-text, application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document)")]
    [InlineData("application/pdf", "%PDF-1.7", "document is empty")]
    [InlineData("text/plain", "the quick brown fox jumps over the lazy dog\nand nothing else is said here.", "no profile facts found")]
    [InlineData("text/html", "<html><body><p>lorem ipsum dolor sit amet</p></body></html>", "no profile facts found")]
    public void A_document_that_cannot_be_a_profile_is_rejected_with_a_reason(string contentType, string content, string reasonStart)
    {
        var result = extractor.Extract(new DocumentInput("doc", contentType, content));

        var rejected = Assert.IsType<ExtractionResult.Rejected>(result);
        Assert.StartsWith(reasonStart, rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', rejected.Reason);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_rejected_without_parsing()
    {
        var ascii = new string('a', 6 * 1024 * 1024);
        var wide = new string('é', 3 * 1024 * 1024); // 3 Mi characters, 6 MiB in UTF-8: the limit is in bytes

        foreach (var content in new[] { ascii, wide })
        {
            var rejected = Assert.IsType<ExtractionResult.Rejected>(extractor.Extract(new DocumentInput("big", "text/plain", content)));
            Assert.Equal("document is 6.0 MB, over the 5.0 MB limit", rejected.Reason);
        }
    }

    [Theory]
    [InlineData("text/markdown; charset=utf-8")]
    [InlineData("TEXT/PLAIN")]
    [InlineData("text/x-markdown")]
    public void Content_type_parameters_and_case_do_not_matter(string contentType)
    {
        var result = extractor.Extract(new DocumentInput("doc", contentType, "# Ada Lovelace\n\nada@example.org"));

        Assert.Equal("Ada Lovelace", Assert.IsType<ExtractionResult.Accepted>(result).Profile.Name);
    }

    [Theory]
    [InlineData("brackets")]
    [InlineData("emails")]
    [InlineData("stars")]
    [InlineData("tags")]
    [InlineData("long-line")]
    [InlineData("dates")]
    [InlineData("skill-examples")]
    [InlineData("initials")]
    [InlineData("links-rows")]
    public void Hostile_markdown_is_answered_with_a_result_not_an_exception(string shape)
    {
        var content = shape switch
        {
            "brackets" => string.Concat(Enumerable.Repeat("[a](", 20_000)),
            "emails" => string.Concat(Enumerable.Repeat("a.b.c.d.e.f.g.h", 10_000)) + "@",
            "stars" => new string('*', 100_000),
            "tags" => string.Concat(Enumerable.Repeat("<b <i <u ", 20_000)),
            "long-line" => "# Ada Lovelace\n" + string.Join(' ', Enumerable.Repeat("large batch training", 50_000)),
            "skill-examples" => "# Ada Lovelace\n\n## Skills\n\n- " + string.Join(" like ", Enumerable.Repeat("Python such as", 50_000)),
            "links-rows" => "# Ada Lovelace\n\n## Publications\n\n- **Scaling Sparse Experts for Video** NeurIPS 2020\n" + string.Concat(Enumerable.Repeat("  [Paper](https://x.org/p) | [arXiv](https://arxiv.org/abs/2001.00001)  \n", 20_000)),
            "initials" => "# Ada Lovelace\n\n## Publications\n\n" + string.Concat(Enumerable.Repeat("- Lovelace, " + string.Concat(Enumerable.Repeat("A. ", 2_000)) + "Title. NeurIPS, 2020.\n", 200)),
            _ => string.Concat(Enumerable.Repeat("2020-2021-2022.", 10_000)),
        };

        var result = extractor.Extract(new DocumentInput("hostile", "text/markdown", content));

        Assert.Equal(shape is "long-line" or "skill-examples" or "initials" or "links-rows", result is ExtractionResult.Accepted);
    }

    [Fact]
    public void Html_nested_deeper_than_any_real_page_is_rejected_before_parsing()
    {
        var content = string.Concat(Enumerable.Repeat("<div><ul><li><b>x</b>", 5_000));

        var rejected = Assert.IsType<ExtractionResult.Rejected>(extractor.Extract(new DocumentInput("deep", "text/html", content)));

        Assert.Equal("HTML document nests elements more than 400 levels deep", rejected.Reason);
    }

    [Fact]
    public void Html_of_many_images_and_loose_definitions_is_read_once()
    {
        // Every image becomes a markdown image and every <dd> a definition that joins its term's entry: thousands of
        // each, with long addresses and alt text full of brackets, the images on one line, the definitions in one list.
        var images = string.Concat(Enumerable.Repeat("<img src=\"https://skillicons.dev/icons?i=" + new string('j', 300) + "\" alt=\"" + new string('[', 200) + "\">", 6_000));
        var definitions = string.Concat(Enumerable.Repeat("<dt>Parallel Python for Global Simulations</dt>\n<dd>\nAda Lovelace. NeurIPS, 2020.\n</dd>\n", 8_000));
        var content = "<html><body><h1>Ada Lovelace</h1><h2>Skills</h2><p>" + images + "</p><h2>Publications</h2><dl>" + definitions + "</dl></body></html>";

        var result = extractor.Extract(new DocumentInput("images", "text/html", content));

        Assert.False(result is ExtractionResult.Rejected, (result as ExtractionResult.Rejected)?.Reason);
        Assert.InRange(Assert.IsType<ExtractionResult.Accepted>(result).Profile.Publications.Count, 1, 2_000);
    }

    [Fact]
    public void A_json_document_with_text_that_is_not_unicode_is_rejected_with_a_reason()
    {
        var content = "{\"basics\": {\"name\": \"Jane " + '\ud800' + "\"}}";

        var result = Assert.IsType<ExtractionResult.Rejected>(extractor.Extract(new DocumentInput("bad.json", "application/json", content)));

        Assert.StartsWith("JSON document is not valid JSON", result.Reason, StringComparison.Ordinal);
    }
}
