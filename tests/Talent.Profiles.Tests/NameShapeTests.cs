namespace Talent.Profiles.Tests;

/// <summary>Where a document's first lines name its owner, and where they name something else that looks like a name.</summary>
public sealed class NameShapeTests : DocumentShapeReading
{
    [Theory]
    // A title heading set about with emoji names its owner without them.
    [InlineData("# 🕵️‍♂️ OLEKSII HLUSHKOV\n\nSecurity Analyst\n", "Oleksii Hlushkov")]
    [InlineData("# 👋 Jane Roe\n", "Jane Roe")]
    [InlineData("# Jane Roe 🚀\n", "Jane Roe")]
    // A title heading is a name even when its last word is a role's.
    [InlineData("# Jane Head\n", "Jane Head")]
    // A job title or a laboratory set as the first lines is no name.
    [InlineData("<h4><b>Postdoctoral Researcher</b></h4>\n<a href='https://cps.example.org/'>Cyber-Physical Systems Laboratory</a><br>\n", null)]
    [InlineData("Security Analyst\n\nI keep networks safe.\n", null)]
    // A heading set about with emoji below the title is a section's, not a name.
    [InlineData("<h4>💼 Product Direction</h4>\n\nI build products.\n", null)]
    public void The_opening_lines_name_the_owner_or_nobody(string opening, string? name)
    {
        var profile = Read("text/markdown", opening + "\n## Skills\n\n- Splunk, Python\n");

        Assert.Equal(name, profile.Name);
    }
}
