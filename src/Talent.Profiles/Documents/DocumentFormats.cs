namespace Talent.Profiles.Documents;

/// <summary>How a format's content becomes the text model the section readers consume.</summary>
public enum DocumentReading
{
    /// <summary>Markdown or plain text, sniffed for BibTeX, jemdoc, LaTeX and PDF-extracted text.</summary>
    Text,
    Markdown,
    Html,
    JsonResume,
    Latex,
    Bibtex,
    Jemdoc,

    /// <summary>Text extracted from a PDF by another tool (pdftotext): page numbers, hyphenation and columns repaired.</summary>
    PdfText,

    /// <summary>A PDF file: words with their positions (<see cref="PdfDocumentReader"/>).</summary>
    Pdf,

    /// <summary>A Word document (.docx, Office Open XML): paragraphs with their styles (<see cref="DocxDocumentReader"/>).</summary>
    Docx,

    /// <summary>An XML document: a dblp person page or record list (<see cref="Extraction.DblpRecords"/>), an ORCID record (<see cref="Extraction.OrcidRecord"/>) or an XHTML page.</summary>
    Xml,

    /// <summary>A binary Word document (.doc): recognised so it is refused with a reason.</summary>
    LegacyWord,
}

/// <summary>
/// One format Talent reads: its content type, the other names senders use for it, the file extensions that mean it, whether
/// its content is bytes (sent base64-encoded in a message's <c>content</c>) and how it is read.
/// </summary>
public sealed record DocumentFormat(string ContentType, IReadOnlyList<string> Aliases, IReadOnlyList<string> Extensions, bool IsBinary, DocumentReading Reading)
{
    /// <summary>False for a format recognised only to be refused (binary Word).</summary>
    public bool IsAccepted => Reading != DocumentReading.LegacyWord;
}

/// <summary>
/// The one table of formats: ingestion, <c>POST /api/documents</c>, <c>talent parse</c> and <c>talent ingest</c> all ask it
/// which content types are accepted, what a file is (its first bytes first, then its extension) and how it is read.
/// </summary>
public static class DocumentFormats
{
    public const string PdfType = "application/pdf";

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string LegacyWordType = "application/msword";

    /// <summary>Why a binary Word document is refused, wherever it arrives.</summary>
    public const string LegacyWordRefusal = "binary Word document (.doc) is not read: save it as .docx or PDF and send that";

    public static readonly DocumentFormat PlainText = new("text/plain", ["text/md", ""], [".txt", ".text"], false, DocumentReading.Text);

    public static readonly DocumentFormat Pdf = new(PdfType, ["application/x-pdf"], [".pdf"], true, DocumentReading.Pdf);

    public static readonly DocumentFormat Docx = new(DocxType, ["application/docx"], [".docx"], true, DocumentReading.Docx);

    public static readonly DocumentFormat LegacyWord = new(LegacyWordType, ["application/vnd.ms-word"], [".doc"], true, DocumentReading.LegacyWord);

    public static readonly IReadOnlyList<DocumentFormat> All =
    [
        new("text/markdown", ["text/x-markdown"], [".md", ".markdown"], false, DocumentReading.Markdown),
        PlainText,
        new("text/html", ["application/xhtml+xml"], [".html", ".htm", ".xhtml"], false, DocumentReading.Html),
        new("application/json", ["text/json"], [".json"], false, DocumentReading.JsonResume),
        new("application/x-tex", ["application/x-latex", "text/x-tex", "text/x-latex"], [".tex", ".ltx"], false, DocumentReading.Latex),
        new("application/x-bibtex", ["text/x-bibtex"], [".bib"], false, DocumentReading.Bibtex),
        new("text/x-jemdoc", [], [".jemdoc"], false, DocumentReading.Jemdoc),
        new("application/xml", ["text/xml"], [".xml"], false, DocumentReading.Xml),
        new("application/pdf-text", ["text/x-pdf-text"], [], false, DocumentReading.PdfText),
        Pdf,
        Docx,
        LegacyWord,
    ];

    private static readonly Dictionary<string, DocumentFormat> ByType = All
        .SelectMany(f => f.Aliases.Prepend(f.ContentType).Select(name => (name, f)))
        .ToDictionary(p => p.name, p => p.f, StringComparer.Ordinal);

    private static readonly Dictionary<string, DocumentFormat> ByExtension = All
        .SelectMany(f => f.Extensions.Select(e => (e, f)))
        .ToDictionary(p => p.e, p => p.f, StringComparer.OrdinalIgnoreCase);

    /// <summary>The content types accepted, for messages that name them.</summary>
    public static IReadOnlyList<string> AcceptedTypes { get; } = All.Where(f => f.IsAccepted).Select(f => f.ContentType).ToList();

    /// <summary>The accepted content types as one line for a rejection reason.</summary>
    public static string AcceptedList => string.Join(", ", AcceptedTypes);

    /// <summary>A content type without parameters, lower case (<c>Text/HTML; charset=utf-8</c> → <c>text/html</c>).</summary>
    public static string Normalize(string? contentType)
    {
        var type = contentType ?? string.Empty;
        var semicolon = type.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? type[..semicolon] : type).Trim().ToLowerInvariant();
    }

    /// <summary>The format a content type (or one of its aliases) names, or null when Talent does not know it.</summary>
    public static DocumentFormat? ForContentType(string? contentType) => ByType.GetValueOrDefault(Normalize(contentType));

    /// <summary>
    /// What a file is: its first bytes decide for binary formats (a PDF named <c>.txt</c> is a PDF, a <c>.pdf</c> that is
    /// text is text), else its extension; plain text when neither says.
    /// </summary>
    public static DocumentFormat ForFile(string path, ReadOnlySpan<byte> head)
    {
        if (Sniff(head) is { } sniffed)
        {
            return sniffed;
        }

        var byExtension = ByExtension.GetValueOrDefault(Path.GetExtension(path));
        return byExtension is { IsBinary: false } ? byExtension : PlainText;
    }

    /// <summary>The content type for a file name alone (no bytes at hand): its extension, else plain text.</summary>
    public static string ContentTypeForName(string path) => ByExtension.GetValueOrDefault(Path.GetExtension(path))?.ContentType ?? PlainText.ContentType;

    /// <summary>
    /// A binary format recognised by its signature: <c>%PDF-</c> at the start (after blank space), the zip signature an
    /// Office Open XML document starts with, or the compound-file signature of a binary Word document.
    /// </summary>
    public static DocumentFormat? Sniff(ReadOnlySpan<byte> head)
    {
        var start = 0;
        while (start < head.Length && start < 1024 && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (head[start..].StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            // A .docx starts with [Content_Types].xml, _rels/ or word/; any other zip is read as a .docx too and refused there.
            return Docx;
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) ? LegacyWord : null;
    }
}
