using System.Text;
using System.Text.Json;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Documents;

namespace Talent.Profiles.Extraction;

/// <summary>
/// Turns one document into an <see cref="ExtractedProfile"/>, or a one-line rejection. The format table
/// (<see cref="DocumentFormats"/>) says how a content type is read; a PDF or DOCX is first read into the same text model as
/// markdown, so every section reader serves every format.
/// </summary>
public sealed class ProfileExtractor(ProfileCatalogs catalogs, DocumentLimits? limits = null)
{
    private readonly TextProfileReader textReader = new(catalogs);

    private readonly DocumentLimits limits = limits ?? DocumentLimits.Default;

    public ExtractionResult Extract(DocumentInput document)
    {
        ArgumentNullException.ThrowIfNull(document);
        string? titleName = null;
        var printed = false;
        if (DocumentFormats.ForContentType(document.ContentType) is { IsBinary: true } binary)
        {
            var read = BinaryDocuments.Read(binary, document.Bytes, limits);
            if (read.Text is null)
            {
                return new ExtractionResult.Rejected(read.Refusal ?? "document could not be read");
            }

            // A page printed by a browser keeps its <title> only in the file's metadata: a person's name there is the
            // owner's where the text names nobody (as an HTML page's title is).
            titleName = PersonNames.FromTitle(read.Title, catalogs.Vocabulary.NameLeadIns);

            // The text of a PDF or DOCX is read as written text is: a JSON Resume or BibTeX list printed as a page stays one.
            document = read.Text.TrimStart().StartsWith('{')
                ? document with { ContentType = "application/json", Content = PrintedText.MendJson(read.Text) }
                : document with { ContentType = "text/markdown", Content = read.Text };
            printed = true;
        }

        var content = document.Content ?? string.Empty;
        // One size limit: the text is held to the document limit in UTF-8 bytes, which a text document met on arrival
        // and the text read from a PDF or DOCX must meet too (a UTF-8 character takes at most three bytes).
        if (content.Length > limits.MaxBytes / 3 && limits.SizeProblem(Encoding.UTF8.GetByteCount(content)) is { } tooLarge)
        {
            return new ExtractionResult.Rejected(tooLarge);
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            return new ExtractionResult.Rejected("document is empty");
        }

        if (BinaryReason(content) is { } binaryReason)
        {
            return new ExtractionResult.Rejected(binaryReason);
        }

        try
        {
            var result = ExtractChecked(document, content, printed);
            return titleName is not null && result is ExtractionResult.Accepted { Profile.Name: null } accepted
                ? new ExtractionResult.Accepted(accepted.Profile with { Name = titleName, Partial = null })
                : result;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // Every pattern has a timeout; a document that trips one is hostile or broken, not a profile.
            return new ExtractionResult.Rejected("document could not be parsed in bounded time (a pattern timed out)");
        }
    }

    // printed: the text was read from a PDF or DOCX, markdown-like lines of its layout, read line by line.
    private ExtractionResult ExtractChecked(DocumentInput document, string content, bool printed)
    {
        var type = NormalizeContentType(document.ContentType);
        ExtractedProfile? profile;
        switch (DocumentFormats.ForContentType(type)?.Reading)
        {
            case DocumentReading.Latex:
                profile = textReader.Read(MarkupText.Parse(LatexText.ToMarkdown(content)));
                break;
            case DocumentReading.Jemdoc:
                profile = textReader.Read(MarkupText.Parse(JemdocText.ToMarkdown(content)));
                break;
            case DocumentReading.Bibtex:
                profile = BibtexReader.Read(content, catalogs);
                break;
            case DocumentReading.PdfText:
                profile = textReader.Read(MarkupText.Parse(PdfText.Repair(content)));
                break;
            case DocumentReading.Markdown or DocumentReading.Text:
                return ReadText(content, type, printed);
            case DocumentReading.Html:
                return Accepted(ReadHtml(content, out var htmlRefusal), htmlRefusal);
            case DocumentReading.Xml:
                return Accepted(ReadXml(content, out var xmlRefusal), xmlRefusal);
            case DocumentReading.JsonResume:
                return ReadJsonResume(content);
            default:
                return new ExtractionResult.Rejected($"unsupported content type '{document.ContentType}' (expected one of: {DocumentFormats.AcceptedList})");
        }

        return Accepted(profile, null);
    }

    /// <summary>Markdown or plain text, sniffed: a JSON resume, a BibTeX list, jemdoc, a LaTeX source, XML and PDF-extracted text each need their own reading.</summary>
    private ExtractionResult ReadText(string content, string type, bool printed)
    {
        if (content.TrimStart('\uFEFF') is var json && LooksLikeJsonObject(json) && ReadJson(json, out _) is { } read)
        {
            // A JSON Resume (or FRESH, or ORCID's JSON) sent as text: read as what it is, not as lines of braces.
            return read;
        }

        if (BibtexReader.LooksLikeBibtex(content))
        {
            return Accepted(BibtexReader.Read(content, catalogs), null);
        }

        if (JemdocText.LooksLikeJemdoc(content))
        {
            return Accepted(textReader.Read(MarkupText.Parse(JemdocText.ToMarkdown(content))), null);
        }

        if (LatexText.LooksLikeLatex(content))
        {
            return Accepted(textReader.Read(MarkupText.Parse(LatexText.ToMarkdown(content))), null);
        }

        if (XmlText.LooksLikeXml(content))
        {
            return Accepted(ReadXml(content, out var sniffedRefusal), sniffedRefusal);
        }

        if (type is "text/plain" or "" && PdfText.LooksExtracted(content))
        {
            return Accepted(textReader.Read(MarkupText.Parse(PdfText.Repair(content))), null);
        }

        // Markdown is read by its syntax; plain text line by line, where indentation and "2019." are layout.
        return Accepted(ReadMarkdown(content, !printed && DocumentFormats.ForContentType(type)?.Reading == DocumentReading.Markdown), null);
    }

    /// <summary>Text that opens with "{" and closes with "}" (white space aside): maybe a JSON object.</summary>
    private static bool LooksLikeJsonObject(string content)
    {
        var text = content.AsSpan().Trim();
        return text.Length > 1 && text[0] == '{' && text[^1] == '}';
    }

    /// <summary>A JSON Resume (or an ORCID record in JSON), or why it is refused.</summary>
    private ExtractionResult ReadJsonResume(string content) =>
        ReadJson(content, out var invalid) ?? new ExtractionResult.Rejected($"JSON document is not valid JSON ({invalid})");

    /// <summary>A JSON Resume (or FRESH, or an ORCID record in JSON), or why it is refused; null when it is not JSON, and why.</summary>
    private ExtractionResult? ReadJson(string content, out string? invalid)
    {
        invalid = null;
        try
        {
            var resume = JsonResumeReader.Read(content, catalogs);
            if (resume.Rejection is { } reason)
            {
                return new ExtractionResult.Rejected(reason);
            }

            return Accepted(resume.Profile, null);
        }
        catch (JsonException e)
        {
            invalid = e.Message.Split('.')[0];
            return null;
        }
        catch (ArgumentException)
        {
            // System.Text.Json refuses text it cannot transcode (an unpaired surrogate, "\ud800").
            return new ExtractionResult.Rejected("JSON document is not valid JSON (it holds text that is not valid Unicode)");
        }
    }

    private static ExtractionResult Accepted(ExtractedProfile? profile, string? refusal)
    {
        if (refusal is not null)
        {
            return new ExtractionResult.Rejected(refusal);
        }

        if (profile is null || (IsEmpty(profile) && profile.Partial is null))
        {
            return new ExtractionResult.Rejected("no profile facts found (no name, contact, education, experience, publications or skills)");
        }

        return new ExtractionResult.Accepted(profile);
    }

    /// <summary>An HTML page, or why it is refused (nested deeper than <see cref="HtmlText.MaxNesting"/>).</summary>
    private ExtractedProfile? ReadHtml(string content, out string? refusal)
    {
        if (HtmlText.NestingDepth(content) > HtmlText.MaxNesting)
        {
            refusal = $"HTML document nests elements more than {HtmlText.MaxNesting} levels deep";
            return null;
        }

        refusal = null;
        var (markdown, metadataName) = HtmlText.Read(content, catalogs.Vocabulary.NameLeadIns);
        // When the page's text does not say whose it is (a banner and menus before the heading), its metadata does.
        return textReader.Read(MarkupText.Parse(markdown), metadataName);
    }

    /// <summary>An XML document: a dblp person page or record list, an ORCID record, or an XHTML page; any other XML is refused with its root's name.</summary>
    private ExtractedProfile? ReadXml(string content, out string? refusal)
    {
        var (root, notWellFormed) = XmlText.Parse(content);
        refusal = notWellFormed;
        if (root is null)
        {
            return null;
        }

        if (DblpRecords.IsDblp(root))
        {
            return DblpRecords.Read(root, catalogs);
        }

        if (OrcidRecord.IsOrcid(root))
        {
            return OrcidRecord.Read(root, catalogs);
        }

        if (root.Name.LocalName == "html")
        {
            return ReadHtml(content, out refusal);
        }

        refusal = $"XML document <{root.Name.LocalName}> is not one Talent reads (dblp person pages and record lists, ORCID records, XHTML pages)";
        return null;
    }

    /// <summary>A markdown page: its front matter (YAML or TOML) and its body, the body's facts first where both state one.</summary>
    private ExtractedProfile ReadMarkdown(string content, bool markdown)
    {
        var (values, bodyStart) = FrontMatter.Read(content);
        var text = bodyStart > 0 ? content[bodyStart..] : content;
        var body = textReader.Read(markdown ? MarkdownText.Parse(text) : MarkupText.Parse(text));
        if (values is null)
        {
            return body;
        }

        var front = FrontMatterReader.Read(values, catalogs);
        return body with
        {
            Name = front.Name ?? body.Name,
            Emails = Union(body.Emails, front.Emails),
            Links = Union(body.Links, front.Links),
            Education = MergeEducation(body.Education, front.Education),
            Experience = body.Experience.Count > 0 ? body.Experience : front.Experience,
            Skills = body.Skills.Concat(front.Skills).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Interests = Union(body.Interests, front.Interests),
            Summary = body.Summary ?? front.Summary,
        };

        static List<string> Union(IReadOnlyList<string> first, IReadOnlyList<string> second) => first.Concat(second).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The body's education with the front matter's: an institution both name keeps the front matter's entry (fields the
    /// page's template was given, "MA in Economics and Management"), and one only the front matter names is added; the
    /// body's prose may name fewer ("his master's followed at …", misspelled) or say less ("bachelor's").
    /// </summary>
    private static List<EducationEntry> MergeEducation(IReadOnlyList<EducationEntry> body, IReadOnlyList<EducationEntry> front)
    {
        bool Same(EducationEntry a, EducationEntry b) => a.Institution is not null && string.Equals(a.Institution, b.Institution, StringComparison.Ordinal);
        var merged = body.Select(b => front.FirstOrDefault(f => Same(f, b)) ?? b).ToList();
        merged.AddRange(front.Where(f => f.Institution is null || !merged.Exists(m => Same(m, f))));
        return merged;
    }

    internal static string NormalizeContentType(string? contentType) => DocumentFormats.Normalize(contentType);

    private static string? BinaryReason(string content)
    {
        var control = 0;
        var replacement = 0;
        var sample = Math.Min(content.Length, 100_000);
        for (var i = 0; i < sample; i++)
        {
            var c = content[i];
            if (c == '\0')
            {
                return "document looks binary (it contains NUL characters)";
            }

            if (c == '\uFFFD')
            {
                replacement++;
            }
            else if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        if (control > sample / 10)
        {
            return "document looks binary (mostly control characters)";
        }

        return replacement > Math.Max(3, sample / 100) ? "document is not valid UTF-8 text (too many replacement characters)" : null;
    }

    internal static bool IsEmpty(ExtractedProfile profile) =>
        profile.Name is null && profile.Emails.Count == 0 && profile.Homepages.Count == 0 && profile.Links.Count == 0
        && profile.Education.Count == 0 && profile.Experience.Count == 0 && profile.Publications.Count == 0 && profile.Skills.Count == 0;
}
