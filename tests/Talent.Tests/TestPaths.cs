namespace Talent.Tests;

/// <summary>Where the repository and the shared acceptance data are, seen from the test binaries.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>../shared</c> beside the checkout: real seeds and benchmark data, present in CI.</summary>
    public static string SharedDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SeedsDirectory => Path.Combine(SharedDirectory, "seeds");

    public static string GoldStandardDirectory => Path.Combine(SharedDirectory, "data", "reviewer-expertise-goldstandard");

    public static bool HasGoldStandard => File.Exists(Path.Combine(GoldStandardDirectory, "papers.jsonl"));

    public static bool HasSeeds => File.Exists(Path.Combine(SeedsDirectory, "expected.json"));

    /// <summary>The 40 real public profile documents in <c>../shared/data/real-profiles/docs</c>.</summary>
    public static string RealProfileDocuments => Path.Combine(SharedDirectory, "data", "real-profiles", "docs");

    /// <summary>Copies the repository's catalog files (<c>config/*.json</c>) into <paramref name="folder"/>, all but <paramref name="except"/>.</summary>
    public static void CopyCatalogs(string folder, string? except = null)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "config"), "*.json"))
        {
            if (!string.Equals(Path.GetFileName(file), except, StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Talent.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Talent.sln not found above the test binaries.");
    }
}

/// <summary>A test that reads <c>../shared</c>: it runs whenever the folder is there and skips with the reason otherwise.</summary>
internal sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute()
    {
        if (!TestPaths.HasSeeds)
        {
            Skip = $"acceptance data not found at {TestPaths.SeedsDirectory} (../shared beside the checkout)";
        }
    }
}

/// <summary>A test that reads the reviewer-expertise gold standard in <c>../shared/data</c>: skips with the reason when it is absent.</summary>
internal sealed class GoldStandardFactAttribute : FactAttribute
{
    public GoldStandardFactAttribute()
    {
        if (!TestPaths.HasGoldStandard)
        {
            Skip = $"benchmark data not found at {TestPaths.GoldStandardDirectory} (../shared beside the checkout)";
        }
    }
}

/// <summary>A folder a test owns and deletes.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "talent-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that just exited may still hold a file for a moment; the OS temp cleaner takes the rest.
        }
    }
}
