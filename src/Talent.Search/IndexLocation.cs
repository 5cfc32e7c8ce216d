using System.Globalization;

namespace Talent.Search;

/// <summary>
/// The index root holds one directory per index generation and a <c>CURRENT</c> file naming the live
/// one. A rebuild writes a new generation beside the live one and publishes it by renaming a new
/// <c>CURRENT</c> over the old (atomic on one file system), so a crash at any point leaves either the
/// old or the new index live, never a half-built one.
/// </summary>
public static class IndexLocation
{
    private const string PointerFile = "CURRENT";
    private const string Prefix = "candidates";

    /// <summary>The live generation's directory (the first index ever is <c>candidates</c>).</summary>
    public static string Current(string root)
    {
        var pointer = Path.Combine(root, PointerFile);
        if (File.Exists(pointer))
        {
            var name = File.ReadAllText(pointer).Trim();
            if (name.StartsWith(Prefix, StringComparison.Ordinal) && name.IndexOfAny(['/', '\\']) < 0 && Directory.Exists(Path.Combine(root, name)))
            {
                return Path.Combine(root, name);
            }
        }

        return Path.Combine(root, Prefix);
    }

    /// <summary>A fresh directory name for a rebuild.</summary>
    public static string NewGeneration(string root, DateTimeOffset now) =>
        Path.Combine(root, Prefix + "-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss-fffffff", CultureInfo.InvariantCulture));

    /// <summary>Makes <paramref name="generation"/> the live index for every process that opens the root from now on.</summary>
    public static void Publish(string root, string generation)
    {
        var temporary = Path.Combine(root, PointerFile + ".tmp");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Path.GetFileName(generation));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(root, PointerFile), overwrite: true);
    }

    /// <summary>Generation directories other than the live one and <paramref name="keep"/>: leftovers of replaced or interrupted rebuilds.</summary>
    public static IReadOnlyList<string> Unused(string root, params string[] keep)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var live = Path.GetFullPath(Current(root));
        return Directory.EnumerateDirectories(root, Prefix + "*")
            .Select(Path.GetFullPath)
            .Where(d => !string.Equals(d, live, StringComparison.Ordinal) && !keep.Select(Path.GetFullPath).Contains(d, StringComparer.Ordinal))
            .ToList();
    }
}
