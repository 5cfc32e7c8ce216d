using Talent.Profiles.Extraction;

namespace Talent.Profiles.Tests;

/// <summary>Skills shown as badges and icons in a skills section, as profile READMEs show them.</summary>
public sealed class SkillBadgeTests : DocumentShapeReading
{
    [Theory]
    [InlineData("https://img.shields.io/badge/Python-3776AB?style=for-the-badge&logo=python", "Python")]
    [InlineData("https://img.shields.io/badge/C%23-%23239120.svg?style=flat&logo=c-sharp", "C#")]
    [InlineData("https://img.shields.io/badge/Visual_Studio_Code-0078d7.svg", "Visual Studio Code")]
    [InlineData("https://img.shields.io/badge/scikit--learn-F7931E", "scikit-learn")]
    [InlineData("https://badgen.net/badge/Rust/1.75/orange", "Rust")]
    [InlineData("https://github-readme-stats.vercel.app/api?username=jroe", null)]
    [InlineData("https://example.org/badge/Python-blue", null)]
    public void A_badge_address_gives_its_label(string url, string? label) => Assert.Equal(label, SkillImages.BadgeLabel(url));

    [Fact]
    public void Badges_and_icons_under_a_skills_heading_are_skills_and_a_stats_card_is_none()
    {
        var profile = Read("text/markdown", """
            # Jane Roe

            ## 🛠️ Tech Stack

            **Languages**
            ![Python](https://img.shields.io/badge/Python-3776AB?style=for-the-badge&logo=python&logoColor=white)
            ![](https://img.shields.io/badge/Rust-000000?style=for-the-badge&logo=rust)
            <img src="https://cdn.jsdelivr.net/gh/devicons/devicon/icons/go/go-original.svg" alt="go" width="40"/>
            ![Top Langs](https://github-readme-stats.vercel.app/api/top-langs/?username=jroe)

            ## Contact

            ![Twitter](https://img.shields.io/badge/Twitter-1DA1F2?logo=twitter)
            """);

        Assert.Equal(["Python", "Rust", "Go"], profile.Skills);
    }

    [Fact]
    public void A_skill_both_written_and_shown_as_an_icon_keeps_its_written_name()
    {
        var profile = Read("text/markdown", "# Jane Roe\n\n## Skills\n\n![ts](https://cdn.example.org/icons/typescript.svg) ![TypeScript](https://img.shields.io/badge/TypeScript-007ACC)\n\n- TypeScript, PostgreSQL\n");

        Assert.Equal(["TypeScript", "PostgreSQL"], profile.Skills.Distinct(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Groups_of_skills_under_their_own_headings_are_all_skills_and_their_headings_none()
    {
        var profile = Read("text/markdown", """
            # Jane Roe

            ## Tech Stack

            ### Languages
            Python, Go

            ### Frameworks & Libraries
            Django, React

            #### Databases
            PostgreSQL, Redis

            ### Hobbies
            Climbing, chess
            """);

        Assert.Equal(["Python", "Go", "Django", "React", "PostgreSQL", "Redis"], profile.Skills);
    }
}
