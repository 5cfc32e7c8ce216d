using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>
/// A debugging aid, not a check of behaviour: with TALENT_MARKDOWN_DUMP set to a folder, writes the markdown that the LaTeX
/// and jemdoc renderers make of every document in ../shared/data/real-profiles/docs (or TALENT_MARKDOWN_DUMP_SOURCE), to be
/// read beside the source.
/// </summary>
public sealed class RenderedMarkdownDump
{
    [MarkdownDumpFact]
    public void Real_latex_and_jemdoc_documents_are_rendered_to_the_dump_folder()
    {
        var folder = Environment.GetEnvironmentVariable(MarkdownDumpFactAttribute.Variable)!; // set: the attribute skips otherwise
        Directory.CreateDirectory(folder);
        var written = 0;
        var source = Environment.GetEnvironmentVariable(MarkdownDumpFactAttribute.SourceVariable) is { Length: > 0 } other ? other : MarkdownDumpFactAttribute.Documents;
        foreach (var path in Directory.EnumerateFiles(source))
        {
            var content = File.ReadAllText(path);
            var markdown = Path.GetExtension(path) switch
            {
                ".tex" => LatexText.ToMarkdown(content),
                ".jemdoc" => JemdocText.ToMarkdown(content),
                _ => null,
            };
            if (markdown is not null)
            {
                File.WriteAllText(Path.Combine(folder, Path.GetFileName(path) + ".md"), markdown);
                written++;
            }
        }

        Assert.True(written > 0);
    }
}

/// <summary>Runs only when TALENT_MARKDOWN_DUMP names a folder and the shared real documents exist.</summary>
public sealed class MarkdownDumpFactAttribute : FactAttribute
{
    public const string Variable = "TALENT_MARKDOWN_DUMP";

    /// <summary>Another folder of documents to render instead of the real ones.</summary>
    public const string SourceVariable = "TALENT_MARKDOWN_DUMP_SOURCE";

    public static string Documents => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "real-profiles", "docs"));

    public MarkdownDumpFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)) || !Directory.Exists(Documents))
        {
            Skip = $"set {Variable} to a folder (and have {Documents}) to write the rendered markdown";
        }
    }
}
