namespace Talent.Profiles.Tests;

/// <summary>
/// Shapes of roles as people write them, each a small document with its facts written by hand: a role's length after its
/// dates, a place under the name, a dated role under a bold employer or with its employer on the next line, a period joined
/// to its role by a colon, two roles at one employer.
/// </summary>
public sealed class RoleShapeTests : DocumentShapeReading
{
    [Theory]
    [InlineData(" (3 years 11 months)")]
    [InlineData(" · 3 yrs 11 mos")]
    [InlineData(" (1 year)")]
    [InlineData(" (less than a year)")]
    public void A_role_keeps_its_dates_when_its_length_follows_them(string length)
    {
        var profile = Read("text/markdown", $"# Jane Roe\n\n## Experience\n\n### Spotify\n\nResearch Engineer\n\nJune 2018 - December 2020{length}\n\nStockholm\n");

        Assert.Equal(("Spotify", "Research Engineer", "2018-06", "2020-12"), profile.Experience.Select(e => (e.Organization, e.Title, e.Start, e.End)).Single());
    }

    [Theory]
    [InlineData("London, England, United Kingdom", "London, England, United Kingdom")]
    [InlineData("Berlin, Germany", "Berlin, Germany")]
    [InlineData("Location: Lisbon, Portugal", "Lisbon, Portugal")]
    [InlineData("Department of Computer Science, ETH Zurich, Switzerland", null)]
    [InlineData("Video Generation, Diffusion Models", null)]
    public void A_line_under_the_name_that_is_a_place_ending_in_a_country_is_the_location(string line, string? location)
    {
        var profile = Read("text/markdown", $"# Jane Roe\n\n{line}\n\njane@example.org\n\n## Experience\n\n### Spotify\n\nEngineer\n\n2021 - Present\n");

        Assert.Equal(location, profile.Location);
    }

    [Fact]
    public void A_dated_role_under_a_bold_employer_is_that_employers_role()
    {
        var profile = Read("text/markdown", """
            # Jane Roe

            ## Research Experience

            **University of Wisconsin - Madison, McMahon Lab**

            Graduate Research Assistant - __2012-Present__
            Server Administrator - _2014-2017_

            Studied how bacterial populations change through time in lakes.

            **University of Illinois, Metcalf Lab**

            Visiting Researcher - __2011-2012__
            """);

        Assert.Equal(
            [
                ("University of Wisconsin - Madison, McMahon Lab", "Graduate Research Assistant", "2012", null),
                ("University of Wisconsin - Madison, McMahon Lab", "Server Administrator", "2014", "2017"),
                ("University of Illinois, Metcalf Lab", "Visiting Researcher", "2011", "2012"),
            ],
            profile.Experience.Select(e => (e.Organization, e.Title, e.Start, e.End)).ToList());
    }

    [Fact]
    public void A_dated_role_names_its_employer_on_the_line_after_it()
    {
        var profile = Read("text/html", """
            <html><body><h1>Jane Roe</h1>
            <h1>Work Experience</h1>
            <ul><li><p>Security research intern (2020.6-2020.8)<br />
            <i><a href="https://example.org/">Blade Team</a>, Shenzhen, China</i><br />
            Researched container security and found two vulnerabilities.</p></li></ul>
            </body></html>
            """);

        var role = Assert.Single(profile.Experience);
        Assert.Equal(("Blade Team", "Security research intern", "Shenzhen, China", "2020-06", "2020-08"), (role.Organization, role.Title, role.Location, role.Start, role.End));
        Assert.Equal(["Researched container security and found two vulnerabilities."], role.Highlights);
    }

    [Fact]
    public void A_period_joined_to_its_role_by_a_colon_begins_the_role()
    {
        var profile = Read("text/markdown", """
            # Jane Roe

            Work experience
            ======
            * Jun 2023-Present:Research Assistant
              * Duties include data cleaning.
            * Jun 2022 aug 2023: Research Assistant
              * Duties included report preparation.
            """);

        Assert.Equal(
            [(null, "Research Assistant", "2023-06", null), (null, "Research Assistant", "2022-06", "2023-08")],
            profile.Experience.Select(e => (e.Organization, e.Title, e.Start, e.End)).ToList());
    }

    [Fact]
    public void Two_roles_at_one_employer_are_two_roles()
    {
        var profile = Read("text/markdown", """
            # Jane Roe

            ## Experience

            ### Google

            3 years 11 months

            Senior Machine Learning Engineer

            January 2023 - Present (1 year 11 months)

            London, England, United Kingdom

            Machine Learning Engineer

            January 2021 - December 2022 (2 years)

            London
            """);

        Assert.Equal(
            [("Google", "Senior Machine Learning Engineer", "2023-01", null), ("Google", "Machine Learning Engineer", "2021-01", "2022-12")],
            profile.Experience.Select(e => (e.Organization, e.Title, e.Start, e.End)).ToList());
    }

    [Fact]
    public void A_heading_or_bold_line_naming_a_role_and_its_employer_is_that_role_with_the_period_under_it()
    {
        var profile = Read("text/markdown", """
            # Jane Roe

            ## Experience

            ### Software engineer at Redgage LLC
            *12.2014 - present* | Remote job

            Built the billing service.

            **Signos** — *Android Engineer*
            *Nov 2021 – Apr 2022* (Remote)

            * Led the migration to Hilt.

            ### Globex
            Berlin, Germany 2012 – 2014

            Wrote the first version of the app.
            """);

        Assert.Equal(
            [
                ("Redgage", "Software engineer", "2014-12", null, null),
                ("Signos", "Android Engineer", "2021-11", "2022-04", "Remote"),
                ("Globex", null, "2012", "2014", "Berlin, Germany"),
            ],
            profile.Experience.Select(e => (e.Organization, e.Title, e.Start, e.End, e.Location)).ToList());
    }

    [Fact]
    public void A_season_and_its_role_take_their_employer_from_the_line_under_them_and_skip_the_supervisor()
    {
        // The layout of the academicpages template's CV, kept by many who use it.
        var profile = Read("text/markdown", """
            # Jane Roe

            Work experience
            ======
            * Summer 2015: Research Assistant
              * Github University
              * Duties included: Tagging issues
              * Supervisor: Professor Git

            * Fall 2015 - Spring 2017: Teaching Assistant
              * Ohio State University
              * Supervisor: Professor Hub

            * June - August 2019: Software Engineering Intern
              * Globex
            """);

        Assert.Equal(
            [
                ("Github University", "Research Assistant", "2015-06", "2015-08"),
                ("Ohio State University", "Teaching Assistant", "2015-09", "2017-05"),
                ("Globex", "Software Engineering Intern", "2019-06", "2019-08"),
            ],
            profile.Experience.Select(e => (e.Organization, e.Title, e.Start, e.End)).ToList());
    }

    [Fact]
    public void Positions_held_name_the_organisation_after_its_unit()
    {
        // No name: a heading of positions is never the owner's name.
        var profile = Read("text/markdown", """
            Current Positions
            ======
            * 2023- : Associate Professor, School of Economics, Fudan University

            Past Positions
            ======
            * 2018.03 - 2020.06: Postdoctoral Research Associate, Department of Physics, University of Massachusetts, Amherst, USA
            * 2015 - 2018: Research Engineer, Search Group, Globex Corporation
            * 2012 - 2015: Research Scientist, Nokia Bell Labs, Murray Hill, NJ
            """);

        Assert.Null(profile.Name);
        Assert.Equal(
            [
                ("Fudan University", "Associate Professor", "2023", null),
                ("University of Massachusetts", "Postdoctoral Research Associate", "2018-03", "2020-06"),
                ("Globex Corporation", "Research Engineer", "2015", "2018"),
                ("Nokia Bell Labs", "Research Scientist", "2012", "2015"),
            ],
            profile.Experience.Select(e => (e.Organization, e.Title, e.Start, e.End)).ToList());
    }

    [Theory]
    [InlineData("I am an Assistant Professor in [the School of EECS](https://eecs.example.org) at the University of Ottawa.", "University of Ottawa", "Assistant Professor")]
    [InlineData("I'm currently a Postdoc Researcher in the Smart Robotics Lab at the Department of Informatics, Technical University of Munich.", "Technical University of Munich", "Postdoc Researcher")]
    [InlineData("Jane Roe is a PostDoc at the Istituto Italiano di Tecnologia, working on humanoids.", "Istituto Italiano di Tecnologia", "PostDoc")]
    [InlineData("I work as a software engineer at Hugging Face, where I build retrieval systems.", "Hugging Face", "Software engineer")]
    // Studies and membership are no position; nor is a title without an employer.
    [InlineData("I am a PhD student at the University of Ottawa.", null, null)]
    [InlineData("I am an active member of the Institute of Electrical and Electronics Engineers.", null, null)]
    [InlineData("I am an engineer by training and a cook by choice.", null, null)]
    public void A_bio_states_the_position_a_page_lists_nowhere_else(string sentence, string? organization, string? title)
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n" + sentence + "\n\n## Skills\n\n- Python\n");

        Assert.Equal(organization is null ? [] : [(organization, title)], profile.Experience.Select(e => (e.Organization, e.Title)).ToList());
    }

    [Fact]
    public void A_bio_adds_no_role_to_a_page_that_lists_its_roles()
    {
        var profile = Read("text/markdown", "# Jane Roe\n\nI am an Assistant Professor at the University of Ottawa.\n\n## Experience\n\n- Research Scientist, Globex, 2015 - 2019\n");

        Assert.Equal(["Globex"], profile.Experience.Select(e => e.Organization));
    }

    [Fact]
    public void A_role_whose_words_open_like_a_supervisor_label_is_still_a_role()
    {
        var profile = Read("text/markdown", """
            # Jane Roe

            ## Experience

            - Hosting Team Lead, Globex, 2020 - 2021
            - Hostinger — Site Reliability Engineer, 2018 - 2020
              - Supervisor: Dr. Alan Turing
            """);

        Assert.Equal(
            [("Globex", "Hosting Team Lead"), ("Hostinger", "Site Reliability Engineer")],
            profile.Experience.Select(e => (e.Organization, e.Title)).ToList());
    }
}
