using Talent.Profiles.Catalogs;

namespace Talent.Profiles.Tests;

/// <summary>Locates the repository (the folder holding Talent.sln), its catalogs and the shared seed documents.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedsDirectory => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    public static ProfileCatalogs Catalogs { get; } = ProfileCatalogs.Load(Path.Combine(Root, "config"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Talent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Talent.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs the shared seed documents (../shared/seeds); skipped with a reason when they are absent.</summary>
public sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute()
    {
        if (!Directory.Exists(RepoPaths.SeedsDirectory))
        {
            Skip = $"shared seed documents not found at {RepoPaths.SeedsDirectory}";
        }
    }
}

/// <summary>A theory over the shared seed documents; skipped with a reason when they are absent.</summary>
public sealed class SeedTheoryAttribute : TheoryAttribute
{
    public SeedTheoryAttribute()
    {
        if (!Directory.Exists(RepoPaths.SeedsDirectory))
        {
            Skip = $"shared seed documents not found at {RepoPaths.SeedsDirectory}";
        }
    }
}
