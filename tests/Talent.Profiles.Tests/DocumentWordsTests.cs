using System.Text.RegularExpressions;
using Talent.Profiles.Catalogs;
using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>
/// Degree spellings, job title words and contact link labels are data in <c>config/vocabulary.json</c>, checked when the
/// catalogs load: a bad entry stops loading with a line naming it.
/// </summary>
public sealed class DocumentWordsTests
{
    private static readonly ExtractionVocabulary Vocabulary = RepoPaths.Catalogs.Vocabulary;

    [Theory]
    [InlineData("Ph.D. in Physics, Stanford University", "Ph.D.")]
    [InlineData("PhD, Computer Science", "PhD")]
    [InlineData("M.Sc in Informatics", "M.Sc")]
    [InlineData("Doctor of Philosophy in Economics", "Doctor of Philosophy")]
    [InlineData("Diplom in Informatik, TU Berlin", "Diplom")]
    [InlineData("Dr. rer. nat. in Chemistry", "Dr. rer. nat.")]
    [InlineData("2016 硕士 清华大学", "硕士")]
    [InlineData("магистр, МГУ", "магистр")]
    [InlineData("Msc and MSC are not spelt so", null)]
    [InlineData("MSFT stock options", null)]
    public void Degrees_are_found_as_the_vocabulary_spells_them(string text, string? degree)
    {
        var match = Vocabulary.DegreePattern.Match(text);

        Assert.Equal(degree, match.Success ? match.Value.Trim() : null);
    }

    [Fact]
    public void The_degree_pattern_runs_on_the_non_backtracking_engine_without_a_timeout()
    {
        Assert.True(Vocabulary.DegreePattern.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(Regex.InfiniteMatchTimeout, Vocabulary.DegreePattern.MatchTimeout);
        Assert.Empty(Vocabulary.DegreePattern.Matches(new string('M', 100_000) + new string('.', 50_000)));
    }

    [Fact]
    public void Role_words_and_contact_labels_come_from_the_file()
    {
        Assert.Contains("engineer", Vocabulary.RoleWords);
        Assert.Contains("postdoc", Vocabulary.RoleWords);
        Assert.Contains("linkedin", Vocabulary.ContactLinkLabels);
        Assert.DoesNotContain("berlin", Vocabulary.ContactLinkLabels);
        Assert.Contains("pdf", Vocabulary.LinkLabels);
        Assert.Contains("slides", Vocabulary.LinkLabels);
        Assert.DoesNotContain("neurips", Vocabulary.LinkLabels);
        Assert.Equal(["about", "homepage of"], Vocabulary.NameLeadIns.Take(2));
    }

    [Theory]
    [InlineData("Ph.D. in Physics. Advisor: Prof. Yang You", "Advisor: Prof. Yang You")]
    [InlineData("M.Sc., supervised by Jane Roe", "supervised by Jane Roe")]
    [InlineData("M.Sc., advisor: Jane Roe", null)]
    public void Advisor_cues_come_from_the_file(string line, string? advisor) =>
        Assert.Equal(advisor, Vocabulary.AdvisorPattern.Match(line) is { Success: true } m ? m.Value : null);

    [Theory]
    [InlineData("She is a Natural Sciences graduate from the University of Cambridge.", true)]
    [InlineData("An ALUMNA of the University of Bergen.", true)]
    [InlineData("She works on graduated compression.", true)]
    [InlineData("She works on alumina ceramics.", false)]
    public void Study_cues_come_from_the_file(string sentence, bool cue) => Assert.Equal(cue, Vocabulary.StudyCuePattern.IsMatch(sentence));

    [Fact]
    public void Empty_cue_lists_match_nothing()
    {
        var vocabulary = new ExtractionVocabulary([], null, DocumentWords.None);

        Assert.DoesNotMatch(vocabulary.AdvisorPattern, "Advisor: Prof. Yang You");
        Assert.DoesNotMatch(vocabulary.StudyCuePattern, "graduated");
    }

    [Theory]
    [InlineData("About Jane Roe", "Jane Roe")]
    [InlineData("Homepage of Jane Roe | Lab", "Jane Roe")]
    [InlineData("Hi, I'm Jane Roe", "Jane Roe")]
    public void A_page_title_names_its_owner_after_the_lead_in_words_of_the_file(string title, string name) =>
        Assert.Equal(name, PersonNames.FromTitle(title, Vocabulary.NameLeadIns));

    [Fact]
    public void A_link_label_that_is_not_lower_case_stops_loading_naming_it()
    {
        var words = new DocumentWords([], [], [], [], ["PDF"]);

        var error = Assert.Throws<CatalogException>(() => new ExtractionVocabulary([], null, words));

        Assert.Contains("link label 'PDF'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ph(D", null, null, "degree pattern 'Ph(D'")]
    [InlineData("(?<=M)Sc", null, null, "degree pattern '(?<=M)Sc'")]
    [InlineData(" ", null, null, "an empty degree pattern")]
    [InlineData(null, "Engineer", null, "role word 'Engineer'")]
    [InlineData(null, null, "GitHub", "contact link label 'GitHub'")]
    public void A_bad_entry_stops_loading_naming_it(string? degree, string? role, string? label, string expected)
    {
        var words = new DocumentWords(degree is null ? [] : [degree], [], role is null ? [] : [role], label is null ? [] : [label]);

        var error = Assert.Throws<CatalogException>(() => new ExtractionVocabulary([], null, words));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vocabulary_for_a_command_that_reads_no_document_builds_the_degree_pattern_only_when_used()
    {
        var words = new DocumentWords(["(?<=M)Sc"], [], [], []);

        var vocabulary = new ExtractionVocabulary([], null, words, readsDocuments: false);

        var error = Assert.Throws<CatalogException>(() => vocabulary.DegreePattern);
        Assert.Contains("degree pattern '(?<=M)Sc'", error.Message, StringComparison.Ordinal);
        Assert.Throws<CatalogException>(() => new ExtractionVocabulary([], null, new DocumentWords(["Ph(D"], [], [], []), readsDocuments: false));
    }

    [Fact]
    public void A_bad_vocabulary_file_names_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("talent-vocabulary-");
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "config"), "*.json"))
            {
                File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
            }

            var vocabulary = Path.Combine(folder.FullName, "vocabulary.json");
            File.WriteAllText(vocabulary, File.ReadAllText(vocabulary).Replace("\"Ph\\\\.?\\\\s?D\"", "\"Ph\\\\.?(D\"", StringComparison.Ordinal));

            var error = Assert.Throws<CatalogException>(() => ProfileCatalogs.Load(folder.FullName));

            Assert.Contains("vocabulary.json: vocabulary: degree pattern 'Ph\\.?(D'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
