using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Tests;

/// <summary>The skill catalog's parents (who uses a skill has its parents) and list labels: loaded, validated, transitive.</summary>
public sealed class SkillCatalogTests
{
    [Fact]
    public void The_shipped_catalog_gives_each_skill_its_parents_transitively()
    {
        var skills = RepoPaths.Catalogs.Skills;

        Assert.Contains("SQL", skills.AncestorsOf("PostgreSQL"));
        Assert.Contains("SQL", skills.AncestorsOf("SQL Server"));
        Assert.Equal(["React", "JavaScript"], skills.AncestorsOf("Next.js"));
        Assert.Equal(["Spring", "Java"], skills.AncestorsOf("Spring Boot"));
        Assert.Contains("Python", skills.AncestorsOf("Django"));
        Assert.Empty(skills.AncestorsOf("SQL"));
        Assert.Empty(skills.AncestorsOf("not a catalog skill"));
        Assert.Superset(new HashSet<string> { "PostgreSQL", "MySQL", "SQLite", "SQL Server", "Oracle Database", "pgvector" }, skills.DescendantsOf("SQL").ToHashSet());
        Assert.Equal("SQL Server", skills.Find("Microsoft SQL Server")?.Name);
    }

    [Fact]
    public void A_parent_may_be_named_by_a_synonym_and_is_kept_once()
    {
        var skills = new SkillCatalog(
        [
            new SkillInfo("SQL", "query language", ["Structured Query Language"]),
            new SkillInfo("PostgreSQL", "database", ["Postgres"], ["Structured Query Language", "SQL"]),
            new SkillInfo("pgvector", "database", null, ["Postgres"]),
        ]);

        Assert.Equal(["SQL"], skills.AncestorsOf("PostgreSQL"));
        Assert.Equal(["PostgreSQL", "SQL"], skills.AncestorsOf("pgvector"));
        Assert.Equal(["PostgreSQL", "pgvector"], skills.DescendantsOf("SQL").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_parent_stops_loading_naming_the_skill_and_the_parent()
    {
        var error = Assert.Throws<CatalogException>(() => new SkillCatalog(
        [
            new SkillInfo("PostgreSQL", "database", null, ["Structured Query Lingo"]),
        ]));

        Assert.Equal("skills: 'PostgreSQL' has parent 'Structured Query Lingo', which is not a skill of the catalog", error.Message);
    }

    [Theory]
    [InlineData("A", "A", "A → A")]
    [InlineData("B", "A", "A → B → A")]
    public void Parents_that_form_a_cycle_stop_loading_naming_the_cycle(string parentOfA, string parentOfB, string cycle)
    {
        var error = Assert.Throws<CatalogException>(() => new SkillCatalog(
        [
            new SkillInfo("A", "language", null, [parentOfA]),
            new SkillInfo("B", "language", null, [parentOfB]),
            new SkillInfo("C", "language", null, ["A"]),
        ]));

        Assert.Equal($"skills: parents form a cycle: {cycle}", error.Message);
    }

    [Fact]
    public void A_bad_parent_in_skills_json_names_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("talent-skills-");
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "config"), "*.json"))
            {
                File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
            }

            var path = Path.Combine(folder.FullName, "skills.json");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"JavaScript\"\n      ]", "\"JavaScrip\"\n      ]", StringComparison.Ordinal));

            var error = Assert.Throws<CatalogException>(() => ProfileCatalogs.Load(folder.FullName));

            Assert.StartsWith(path + ": skills: '", error.Message, StringComparison.Ordinal);
            Assert.EndsWith("has parent 'JavaScrip', which is not a skill of the catalog", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Required skills", true)]
    [InlineData("**Must-have**", true)]
    [InlineData("Our tech stack", true)]
    [InlineData("Location", false)]
    [InlineData("Skillset", false)]
    public void A_list_label_is_a_catalog_label_as_whole_words(string label, bool expected) =>
        Assert.Equal(expected, RepoPaths.Catalogs.Skills.IsListLabel(label));

    [Theory]
    [InlineData("## Requirements", true)]
    [InlineData("Tech stack", true)]
    [InlineData("Nice to have", true)]
    [InlineData("Endangered Languages meet Modern NLP", false)]
    [InlineData("Frameworks for fair division", false)]
    public void A_list_heading_is_made_of_list_label_words_only(string heading, bool expected) =>
        Assert.Equal(expected, RepoPaths.Catalogs.Skills.IsListHeading(heading));
}
