using System.Text.Json;
using Talent.Profiles.Evaluation;

namespace Talent.Profiles.Tests;

/// <summary>The shared scorer's rules, on profiles and labels small enough to count by hand.</summary>
public sealed class LabelledSetEvaluationTests
{
    [Theory]
    [InlineData("Arthur Poon", "arthur poon", true)]
    [InlineData("Rémy Denéchère", "Rmy Denchre", true)] // non-ASCII letters are dropped on both sides
    [InlineData("O'Brien, Ada", "obrien ada", true)]
    [InlineData("C#", "c", false)]
    public void Names_compare_lower_cased_without_punctuation(string extracted, string labelled, bool same) =>
        Assert.Equal(same, LabelledSetRules.Norm(extracted) == LabelledSetRules.Norm(labelled));

    [Theory]
    [InlineData("https://www.Ada.example.org/", "ada.example.org", true)]
    [InlineData("http://ada.github.io/cv", "ada.github.io/cv", true)]
    [InlineData("ada.github.io", "ada.github.io/cv", false)]
    public void Homepages_compare_without_scheme_and_www(string extracted, string labelled, bool same) =>
        Assert.Equal(same, LabelledSetRules.HostNorm(extracted) == LabelledSetRules.HostNorm(labelled));

    [Theory]
    [InlineData("The University of Cincinnati", "University of Cincinnati", true)]
    [InlineData("THE  Ohio State University", "Ohio State University", true)]
    [InlineData("Theodor University", "odor University", false)]
    public void Institutions_compare_without_a_leading_the(string extracted, string labelled, bool same) =>
        Assert.Equal(same, LabelledSetRules.InstitutionNorm(extracted) == LabelledSetRules.InstitutionNorm(labelled));

    [Fact]
    public void Fields_are_counted_as_the_shared_scorer_counts_them()
    {
        var report = LabelledSetEvaluation.Score(HandCases.Cases());
        var fields = report.Fields.ToDictionary(f => f.Field);

        // a: name right; e-mail 1 of 2 plus one wrong; homepage right; institution right (leading "The"), one extra;
        //    venues ICML 2023 twice labelled, once extracted, PPoPP 2019 right, one without year (not predicted);
        //    publicationCount 4 = 4; skills 1 of 2, one extra. b: not read (rejected): name 0 of 1, skills unlabelled.
        Assert.Equal((1, 2), (fields["name"].Hits, fields["name"].Expected));
        Assert.Equal((1, 2, 1, 2), (fields["emails"].Hits, fields["emails"].Expected, fields["emails"].Right, fields["emails"].Predicted));
        Assert.Equal((1, 1, 1, 1), (fields["homepages"].Hits, fields["homepages"].Expected, fields["homepages"].Right, fields["homepages"].Predicted));
        Assert.Equal((1, 1, 1, 2), (fields["institutions"].Hits, fields["institutions"].Expected, fields["institutions"].Right, fields["institutions"].Predicted));
        Assert.Equal((2, 3, 2, 2), (fields["venueYears"].Hits, fields["venueYears"].Expected, fields["venueYears"].Right, fields["venueYears"].Predicted));
        Assert.Equal((1, 1), (fields["publicationCount"].Hits, fields["publicationCount"].Expected));
        Assert.Equal((1, 2, 1, 2), (fields["skills"].Hits, fields["skills"].Expected, fields["skills"].Right, fields["skills"].Predicted));
        Assert.Equal(["b.md"], report.Unread);
        Assert.Equal(8, report.Hits);
        Assert.Equal(12, report.Expected);
    }
}

/// <summary>Hand-made profiles (as <c>talent parse --json</c> prints them) and labels, in the shared format.</summary>
public static class HandCases
{
    public const string LabelsJson = """
        {"documents": [
          {"id": "a", "labels": {"name": "Ada Lovelace", "emails": ["ada@x.org", "ada@y.org"], "homepages": ["ada.example.org"],
                                 "institutions": ["University of Cincinnati"],
                                 "venueYears": [["ICML", 2023], ["ICML", 2023], ["PPoPP", 2019], ["Thesis", null]],
                                 "publicationCount": 4, "skills": ["Python", "Go"]}},
          {"id": "b", "labels": {"name": "Alan Turing"}}
        ]}
        """;

    public const string ProfileA = """
        {"name": "ADA LOVELACE", "emails": ["ada@x.org", "ada@z.org"], "homepages": ["https://www.ada.example.org/"],
         "education": [{"institution": "The University of Cincinnati"}, {"institution": "Bootcamp"}],
         "publications": [{"title": "1", "venue": "ICML", "year": 2023}, {"title": "2", "venue": "PPoPP", "year": 2019},
                          {"title": "3", "venue": "NeurIPS"}, {"title": "4"}],
         "skills": ["python", "Rust"]}
        """;

    public static List<(string Document, JsonElement? Profile, JsonElement Labels)> Cases()
    {
        var labels = JsonDocument.Parse(LabelsJson).RootElement.GetProperty("documents");
        return [("a.md", JsonDocument.Parse(ProfileA).RootElement, labels[0].GetProperty("labels")), ("b.md", null, labels[1].GetProperty("labels"))];
    }
}
