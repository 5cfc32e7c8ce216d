using System.Text;

namespace Talent.Tests.Storage;

/// <summary>Finds personal data left in a data folder, byte for byte, in every file (database, write-ahead log, index).</summary>
internal static class DataFolderScan
{
    /// <summary>Every file under <paramref name="directory"/> whose bytes hold one of <paramref name="texts"/> (UTF-8 or UTF-16), relative to it.</summary>
    public static List<string> FilesHolding(string directory, IEnumerable<string> texts)
    {
        var needles = texts.SelectMany(t => new[] { Encoding.UTF8.GetBytes(t), Encoding.Unicode.GetBytes(t) }).ToList();
        var holding = new List<string>();
        // The writer's exclusive lock file holds no data and cannot be opened while the writer lives.
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "talent-writer.lock"))
        {
            byte[] bytes;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            catch (FileNotFoundException)
            {
                continue; // deleted while scanning: not there
            }

            if (needles.Exists(n => bytes.AsSpan().IndexOf(n) >= 0))
            {
                holding.Add(Path.GetRelativePath(directory, file));
            }
        }

        return holding;
    }
}
