using System.Text;
using System.Xml;

namespace Talent.Profiles.Documents;

/// <summary>
/// The text an SVG image sets as text (<c>&lt;text&gt;</c>, with its <c>&lt;tspan&gt;</c> and <c>&lt;textPath&gt;</c>):
/// a label, an icon's caption, a badge's "label message". Texts set on one baseline (the same <c>y</c>) are one line;
/// a text hidden from assistive technology (<c>aria-hidden="true"</c>: a drop shadow, a decorative copy) is left out, so
/// each phrase is read once. The XML is read forward only, without a DTD, and no further than a size limit.
/// </summary>
internal static class SvgText
{
    /// <summary>Characters of an image read for its text; an image larger than this is a drawing, not a label.</summary>
    public const int MaxCharacters = 200_000;

    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    public static List<string> Lines(Stream svg)
    {
        var lines = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(svg, settings);
            string? lastY = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "text" || reader.NamespaceURI != SvgNamespace)
                {
                    continue;
                }

                var hidden = string.Equals(reader.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase);
                var y = reader.GetAttribute("y");
                var text = Content(reader);
                if (hidden || text.Length == 0)
                {
                    continue;
                }

                if (y is not null && y == lastY && lines.Count > 0)
                {
                    lines[^1] += " " + text;
                }
                else
                {
                    lines.Add(text);
                }

                lastY = y;
            }
        }
        catch (XmlException)
        {
            // A broken or oversized image: what was read so far stands.
        }

        return lines;
    }

    /// <summary>The text inside the element the reader stands on, its white space collapsed; the reader ends on its end tag.</summary>
    private static string Content(XmlReader reader)
    {
        var text = new StringBuilder();
        using (var inner = reader.ReadSubtree())
        {
            while (inner.Read())
            {
                if (inner.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    text.Append(inner.Value);
                }
            }
        }

        return Collapse(text.ToString());
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }
}
