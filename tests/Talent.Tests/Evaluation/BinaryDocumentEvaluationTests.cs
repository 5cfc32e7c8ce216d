using System.Text.Json;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Evaluation;
using Talent.Tests.Cli;
using Talent.Tests.Documents;

namespace Talent.Tests.Evaluation;

/// <summary><c>talent eval extraction</c> reads a labelled set's PDF and Word files as <c>talent parse</c> does, not as text.</summary>
public sealed class BinaryDocumentEvaluationTests
{
    private const string Cv = """
        # Ines Carvalho
        ines.carvalho@example.pt
        # Education
        PhD in Computer Science, University of Porto, 2015 - 2019
        # Skills
        Python, Rust, PostgreSQL
        """;

    [Fact]
    public async Task A_labelled_set_of_pdf_and_docx_files_is_read_and_scored()
    {
        using var temp = new TempDirectory();
        var docs = Directory.CreateDirectory(Path.Combine(temp.Path, "docs")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(docs, "printed.pdf"), LaidOutDocuments.Pdf(Cv, 100));
        await File.WriteAllBytesAsync(Path.Combine(docs, "word.docx"), LaidOutDocuments.Docx(Cv, 100));
        var labels = new
        {
            documents = new[] { "printed", "word" }.Select(id => new
            {
                id,
                labels = new { name = "Ines Carvalho", emails = new[] { "ines.carvalho@example.pt" }, skills = new[] { "Python", "Rust", "PostgreSQL" } },
            }),
        };
        var labelsFile = Path.Combine(temp.Path, "labels.json");
        await File.WriteAllTextAsync(labelsFile, JsonSerializer.Serialize(labels));

        var (exit, stdout, stderr) = await TalentProcess.RunAsync("eval", "extraction", "--set", labelsFile, "--json");

        Assert.True(exit == 0, stderr);
        var labelled = JsonDocument.Parse(stdout).RootElement.GetProperty("labelled");
        Assert.Equal(2, labelled.GetProperty("documents").GetInt32());
        Assert.Empty(labelled.GetProperty("unread").EnumerateArray());
        Assert.Equal(1.0, labelled.GetProperty("overallRecall").GetDouble());
    }

    [Fact]
    public async Task A_set_with_expected_facts_beside_a_docx_reads_the_docx()
    {
        using var temp = new TempDirectory();
        await File.WriteAllBytesAsync(Path.Combine(temp.Path, "cv.docx"), LaidOutDocuments.Docx(Cv, 100));
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "cv.docx" + ExtractionEvaluation.ExpectedSuffix), JsonSerializer.Serialize(new
        {
            contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            name = "Ines Carvalho",
            emails = new[] { "ines.carvalho@example.pt" },
            skills = new[] { "Python", "Rust", "PostgreSQL" },
        }));

        var report = ExtractionEvaluation.Run(temp.Path, ProfileCatalogs.Load(Path.Combine(TestPaths.RepositoryRoot, "config")));

        Assert.Equal(1, report.Documents);
        Assert.DoesNotContain(report.Errors, e => e.Rejection is not null);
        Assert.All(report.Fields.Where(f => f.Field is "name" or "emails" or "skills"), f => Assert.Equal(1.0, f.Recall));
    }
}
