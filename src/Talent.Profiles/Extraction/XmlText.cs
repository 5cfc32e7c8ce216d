using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Talent.Profiles.Extraction;

/// <summary>
/// An XML document read without trusting it: a document type declaration is skipped (no entity it declares is expanded,
/// nothing outside the document is fetched), and HTML's named character references (<c>&amp;uuml;</c>, which dblp's
/// records use and declare only in their DTD) are read as the characters they name.
/// </summary>
internal static partial class XmlText
{
    [GeneratedRegex(@"&(?<name>[A-Za-z][A-Za-z0-9]{1,31});", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NamedReferencePattern();

    /// <summary>
    /// Deeper than any record format nests (a dblp title's markup is five levels down). Building the tree costs time
    /// quadratic in the depth (200,000 levels took minutes), so the depth is checked first, by a reader that only counts.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>True for text that starts as an XML document or a dblp record list does.</summary>
    public static bool LooksLikeXml(string content)
    {
        var start = content.AsSpan().TrimStart();
        return start.StartsWith("<?xml", StringComparison.Ordinal) || start.StartsWith("<dblpperson", StringComparison.Ordinal)
            || start.StartsWith("<dblp>", StringComparison.Ordinal);
    }

    /// <summary>The document's root element, or why it is not well-formed XML.</summary>
    public static (XElement? Root, string? Refusal) Parse(string content)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            var text = WithNamedReferencesRead(content);
            if (DeeperThanLimit(text, settings))
            {
                return (null, $"XML document nests elements more than {MaxDepth} levels deep");
            }

            using var reader = XmlReader.Create(new StringReader(text), settings);
            var document = XDocument.Load(reader);
            return document.Root is { } root ? (root, null) : (null, "XML document has no root element");
        }
        catch (XmlException e)
        {
            return (null, $"XML document is not well-formed (line {e.LineNumber}, position {e.LinePosition})");
        }
    }

    private static bool DeeperThanLimit(string text, XmlReaderSettings settings)
    {
        using var reader = XmlReader.Create(new StringReader(text), settings);
        while (reader.Read())
        {
            if (reader.Depth > MaxDepth)
            {
                return true;
            }
        }

        return false;
    }

    private static string WithNamedReferencesRead(string content) =>
        !content.Contains('&', StringComparison.Ordinal) ? content : NamedReferencePattern().Replace(content, m => m.Groups["name"].Value switch
        {
            // XML's own five stay as written; a name HTML does not know is left for the parser to refuse.
            "amp" or "lt" or "gt" or "quot" or "apos" => m.Value,
            _ => WebUtility.HtmlDecode(m.Value) is var decoded && decoded != m.Value && decoded.All(c => !char.IsControl(c) && c is not ('<' or '&'))
                ? decoded
                : m.Value,
        });
}
