namespace Talent.Profiles.Documents;

/// <summary>
/// Limits on one document, from configuration (<c>Talent:Ingestion</c>): the size of what arrives, in bytes (UTF-8 for
/// text, the file for PDF and DOCX), and the pages of a PDF. What a DOCX unpacks to is bounded by a multiple of the size,
/// so a zip bomb is refused before it is inflated.
/// </summary>
public sealed record DocumentLimits(int MaxBytes = DocumentLimits.DefaultMaxBytes, int MaxPages = DocumentLimits.DefaultMaxPages)
{
    public const int DefaultMaxBytes = 5 * 1024 * 1024;

    public const int DefaultMaxPages = 50;

    /// <summary>How many times its own size a DOCX may unpack to (real documents compress text 3 to 10 times).</summary>
    public const int MaxExpansion = 20;

    public static DocumentLimits Default { get; } = new();

    /// <summary>The most bytes the parts of a DOCX may unpack to: ample for text, far below what a zip bomb inflates to.</summary>
    public long MaxUnpackedBytes => Math.Max(16L * 1024 * 1024, (long)MaxBytes * MaxExpansion);

    /// <summary>
    /// The most bytes the XML parts of a DOCX (its text, styles, headers, notes) may unpack to, twice the size limit (10
    /// MB at 5 MB): the XML of a Word CV is tens of kilobytes, and reading XML into the document model costs about 0.2 s
    /// and 15 MB of memory per megabyte, which the media parts (pictures, fonts) do not.
    /// </summary>
    public long MaxXmlBytes => Math.Max(4L * 1024 * 1024, 2L * MaxBytes);

    /// <summary>Why a document of this many bytes is refused, or null when it is within the limit.</summary>
    public string? SizeProblem(long bytes) =>
        bytes > MaxBytes ? $"document is {Megabytes(bytes)} MB, over the {Megabytes(MaxBytes)} MB limit" : null;

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture);
}
