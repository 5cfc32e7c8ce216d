namespace Talent.Profiles.Tests;

/// <summary>
/// A résumé kept in a page's front matter, as Hugo Blox author pages and their kin write it: roles under <c>work</c>,
/// skill groups with their items, education areas with degree, field and dates, and addresses given as links.
/// </summary>
public sealed class FrontMatterShapeTests : DocumentShapeReading
{
    private const string AuthorPage = """
        ---
        title: Jane Roe
        role: Ph.D. Student
        profiles:
          - icon: at-symbol
            url: 'jroe@cs.example.edu'
          - icon: brands/github
            url: https://github.com/jroe
        more_info: >
          <p><a href="mailto:jane.roe@example.org">jane.roe@example.org</a></p>
        education:
          - area: PhD Computer Science
            institution: Purdue University
            date_start: 2023-09-01
            date_end: ''
          - area: Visiting Affiliate Researcher
            institution: University of California, Berkeley
            date_start: 2026-02-01
          - area: M.Eng. in Cybersecurity; B.A. in French
            institution: Shanghai Jiao Tong University
            date_start: 2016-09-01
            date_end: 2020-06-30
        work:
          - position: Research Intern
            company_name: Globex
            date_start: 2022-06-01
            date_end: 2022-08-31
            summary: Built the **fuzzing** pipeline.
        skills:
          - name: Programming Languages
            items:
              - name: Python
              - name: Rust
          - name: Hobbies
            items:
              - name: Climbing
        ---

        I study software security.
        """;

    [Fact]
    public void Roles_under_work_are_the_experience()
    {
        var role = Assert.Single(Read("text/markdown", AuthorPage).Experience);

        Assert.Equal(("Globex", "Research Intern", "2022-06", "2022-08"), (role.Organization, role.Title, role.Start, role.End));
        Assert.Equal(["Built the fuzzing pipeline."], role.Highlights);
    }

    [Fact]
    public void Skill_groups_give_their_items_but_a_group_of_another_kind_gives_none()
    {
        Assert.Equal(["Python", "Rust"], Read("text/markdown", AuthorPage).Skills);
    }

    [Fact]
    public void An_education_area_gives_degree_field_and_dates_and_a_visit_is_no_studies()
    {
        var education = Read("text/markdown", AuthorPage).Education;

        Assert.Equal(
            [
                ("Purdue University", "PhD", "Computer Science", "2023-09", null),
                ("Shanghai Jiao Tong University", "M.Eng.", "Cybersecurity", "2016-09", "2020-06"),
            ],
            education.Select(e => (e.Institution, e.Degree, e.Field, e.Start, e.End)).ToList());
    }

    [Fact]
    public void Addresses_given_as_a_profile_or_a_mailto_link_anywhere_are_emails()
    {
        var profile = Read("text/markdown", AuthorPage);

        Assert.Equal(["jroe@cs.example.edu", "jane.roe@example.org"], profile.Emails);
        Assert.Equal(["github.com/jroe"], profile.Links);
    }

    [Fact]
    public void Roles_written_in_the_body_are_kept_over_those_of_the_front_matter()
    {
        var profile = Read("text/markdown", AuthorPage.Replace("I study software security.", "## Experience\n\n### Research Engineer at Initech\n\n2023 - present\n", StringComparison.Ordinal));

        Assert.Equal(["Initech"], profile.Experience.Select(e => e.Organization));
    }
}
