using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>
/// FRESH resumes (HackMyResume's and FluentCV's schema) read as the JSON Resume they state, and what both formats' fields
/// hold as written for a theme: markdown emphasis, and empty entries of a template.
/// </summary>
public sealed class FreshResumeTests
{
    private const string Fresh = """
        {
          "name": "Jane Q. Fullstacker",
          "meta": {"format": "FRESH@0.6.0", "version": "0.4.0"},
          "info": {"label": "Senior Developer", "characterClass": "Programmer", "brief": "Full-stack developer of cloud web applications."},
          "contact": {"website": "http://janef.me/blog", "phone": "1-650-999-7777", "email": "JDoe@onecoolstartup.io"},
          "location": {"city": "Mountain View", "region": "CA", "code": "94035", "country": "US"},
          "social": [{"label": "GitHub", "network": "GitHub", "user": "janef", "url": "https://github.com/janef"}],
          "employment": {"summary": "7+ years.", "history": [
            {"employer": "Area 52", "position": "Head Code Ninja", "start": "2013-09", "highlights": ["Managed a 5-person team"]},
            {"employer": "Veridian Dynamics", "position": "Principal Developer", "start": "2011-07", "end": "2013-08"}]},
          "education": {"level": "degree", "history": [
            {"institution": "Cornell University", "title": "BSCS", "start": "2005-09", "end": "2008-05", "grade": "3.5"},
            {"institution": "Medfield College", "studyType": "MS", "area": "Computer Science", "end": "2010"}]},
          "projects": [{"title": "HackMyResume", "description": "A resume authoring tool.", "keywords": ["JavaScript", "Node.js"], "url": "https://fluentdesk.com/hackmyresume"}],
          "skills": {
            "sets": [{"name": "Database", "level": "intermediate", "skills": ["MySQL", "PostgreSQL"]}],
            "list": [{"name": "C++", "level": "9", "years": 7}]},
          "writing": [{"title": "Building User Interfaces with Electron", "flavor": "article", "date": "2011",
            "publisher": {"name": "Code Project", "url": "http://codeproject.com"}}],
          "interests": [{"name": "hiking", "keywords": ["mountains"]}]
        }
        """;

    [Fact]
    public void A_fresh_resume_gives_the_facts_a_json_resume_would()
    {
        var profile = Read(Fresh);

        Assert.Equal("Jane Q. Fullstacker", profile.Name);
        Assert.Equal("Senior Developer", profile.Headline);
        Assert.Equal("Full-stack developer of cloud web applications.", profile.Summary);
        Assert.Equal(["jdoe@onecoolstartup.io"], profile.Emails);
        Assert.Equal(["janef.me/blog"], profile.Homepages);
        Assert.Equal(["github.com/janef"], profile.Links);
        Assert.Equal("Mountain View, CA, United States", profile.Location);
        Assert.Equal(
            [("Area 52", "Head Code Ninja", "2013-09", (string?)null), ("Veridian Dynamics", "Principal Developer", "2011-07", "2013-08")],
            profile.Experience.Select(e => (e.Organization, e.Title, e.Start, e.End)).ToList());
        Assert.Equal(["Managed a 5-person team"], profile.Experience[0].Highlights);
        Assert.Equal(
            [("Cornell University", "BSCS", (string?)null, "2008-05"), ("Medfield College", "MS", "Computer Science", "2010")],
            profile.Education.Select(e => (e.Institution, e.Degree, e.Field, e.End)).ToList());
        Assert.Equal([("Building User Interfaces with Electron", "Code Project", 2011)], profile.Publications.Select(p => (p.Title, p.VenueRaw, p.Year)).ToList());
        Assert.Equal(["MySQL", "PostgreSQL", "C++"], profile.Skills);
        Assert.Equal("HackMyResume", Assert.Single(profile.Projects).Name);
        Assert.Equal(["hiking"], profile.Interests);
    }

    [Theory]
    // Said by its meta.format, or shaped like one without it.
    [InlineData("""{"name": "Ada Lovelace", "meta": {"format": "FRESH@1.0.0"}, "employment": {"history": [{"employer": "Analytical Engines", "position": "Programmer"}]}}""")]
    [InlineData("""{"name": "Ada Lovelace", "contact": {"email": "ada@example.org"}, "employment": {"history": [{"employer": "Analytical Engines", "position": "Programmer"}]}}""")]
    public void A_fresh_resume_is_known_with_or_without_its_format_line(string json)
    {
        var profile = Read(json);

        Assert.Equal("Ada Lovelace", profile.Name);
        Assert.Equal("Analytical Engines", Assert.Single(profile.Experience).Organization);
    }

    [Fact]
    public void Skills_written_as_json_resume_writes_them_are_read_too() =>
        Assert.Equal(
            ["PostgreSQL", "Kubernetes"],
            Read("""{"name": "Ada Lovelace", "meta": {"format": "FRESH@1.0.0"}, "skills": [{"name": "Databases", "keywords": ["PostgreSQL"]}, "Kubernetes"]}""").Skills);

    [Theory]
    // Another format's meta, or a name with nothing of FRESH beside it, is neither.
    [InlineData("""{"name": "Ada Lovelace", "meta": {"format": "other@1"}, "employment": {"history": []}}""")]
    [InlineData("""{"name": "Ada Lovelace", "items": [1, 2]}""")]
    public void Json_that_is_neither_format_is_refused_with_its_reason(string json)
    {
        var (profile, rejection) = JsonResumeReader.Read(json, RepoPaths.Catalogs);

        Assert.Null(profile);
        Assert.Equal("JSON document is neither a JSON Resume (no 'basics' object) nor a FRESH resume", rejection);
    }

    [Theory]
    // Resume themes render fields as markdown: the emphasis is not part of a degree, a title or an employer.
    [InlineData("""{"basics": {"name": "**Ada Lovelace**"}, "work": [{"name": "__Analytical__ Engines", "position": "Director, *Security*"}], "education": [{"institution": "Cornell University", "studyType": "**BSCS**"}]}""")]
    [InlineData("""{"name": "**Ada Lovelace**", "employment": {"history": [{"employer": "__Analytical__ Engines", "position": "Director, *Security*"}]}, "education": {"history": [{"institution": "Cornell University", "title": "**BSCS**"}]}}""")]
    public void Markdown_emphasis_in_a_name_or_title_is_not_kept(string json)
    {
        var profile = Read(json);

        Assert.Equal("Ada Lovelace", profile.Name);
        Assert.Equal(("Analytical Engines", "Director, Security"), (profile.Experience[0].Organization, profile.Experience[0].Title));
        Assert.Equal("BSCS", profile.Education[0].Degree);
    }

    [Theory]
    // A template's empty entries (every field "") are no role and no school, in either format.
    [InlineData("""{"basics": {"name": "Ada Lovelace"}, "work": [{"company": "", "position": "", "startDate": ""}], "education": [{"institution": "", "area": ""}]}""")]
    [InlineData("""{"name": "Ada Lovelace", "meta": {"format": "FRESH@0.6.0"}, "employment": {"history": [{"employer": "", "position": ""}]}, "education": {"history": [{"institution": "", "title": ""}]}}""")]
    public void Empty_entries_of_a_template_are_none(string json)
    {
        var profile = Read(json);

        Assert.Empty(profile.Experience);
        Assert.Empty(profile.Education);
    }

    [Theory]
    // A resume in JSON sent without its content type (text/plain, markdown, none), with a byte-order mark or not.
    [InlineData("text/plain", "")]
    [InlineData("text/markdown", "")]
    [InlineData("", "\uFEFF")]
    public void A_json_resume_sent_as_text_is_read_as_json(string contentType, string mark)
    {
        var extractor = new ProfileExtractor(RepoPaths.Catalogs);
        foreach (var json in new[] { Fresh, """{"basics": {"name": "Ada Lovelace", "email": "ada@example.org"}, "work": [{"name": "Analytical Engines", "position": "Programmer"}]}""" })
        {
            var result = extractor.Extract(new DocumentInput("sent-as-text", contentType, mark + "\n  " + json + "\n"));

            var profile = Assert.IsType<ExtractionResult.Accepted>(result).Profile;
            Assert.NotEmpty(profile.Experience);
            Assert.DoesNotContain(profile.Experience, e => (e.Organization ?? string.Empty).Contains('"', StringComparison.Ordinal));
        }
    }

    [Theory]
    // Text between braces that is not JSON is still read as text.
    [InlineData("{Ada Lovelace}\n\nada@example.org\n\n## Skills\n\nPython, Go\n\n{draft}")]
    public void Text_in_braces_that_is_not_json_is_read_as_text(string content)
    {
        var profile = Assert.IsType<ExtractionResult.Accepted>(new ProfileExtractor(RepoPaths.Catalogs).Extract(new DocumentInput("braces", "text/markdown", content))).Profile;

        Assert.Equal(["ada@example.org"], profile.Emails);
        Assert.Equal(["Python", "Go"], profile.Skills);
    }

    private static ExtractedProfile Read(string json) =>
        Assert.IsType<ExtractedProfile>(JsonResumeReader.Read(json, RepoPaths.Catalogs).Profile);
}
