namespace Talent.Profiles.Documents;

/// <summary>The text a binary document was read into, or why it was refused (one line).</summary>
internal sealed record BinaryText(string? Text, string? Refusal)
{
    /// <summary>The title the file's metadata gives (a PDF's Title, which a browser sets from the page's &lt;title&gt;; a Word document's).</summary>
    public string? Title { get; init; }

    public static BinaryText Read(string text) => new(text, null);

    public static BinaryText Refused(string reason) => new(null, reason);
}

/// <summary>Reads a binary document (PDF, DOCX) into the text model; a binary Word document is refused with the reason.</summary>
internal static class BinaryDocuments
{
    public static BinaryText Read(DocumentFormat format, ReadOnlyMemory<byte> bytes, DocumentLimits limits)
    {
        if (bytes.IsEmpty)
        {
            return BinaryText.Refused("document is empty");
        }

        // The bytes decide over a declared type that does not match them (a PDF sent as a .docx is still a PDF).
        var sniffed = DocumentFormats.Sniff(bytes.Span) ?? format;
        return sniffed.Reading switch
        {
            DocumentReading.Pdf => PdfDocumentReader.Read(bytes, limits),
            DocumentReading.Docx => DocxDocumentReader.Read(bytes, limits),
            DocumentReading.LegacyWord => BinaryText.Refused(DocumentFormats.LegacyWordRefusal),
            _ => BinaryText.Refused($"content declared {format.ContentType} is neither a PDF nor a Word (.docx) document"),
        };
    }
}
