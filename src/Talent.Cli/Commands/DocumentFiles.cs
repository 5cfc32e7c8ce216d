using System.IO.Enumeration;
using Talent.Profiles.Documents;

namespace Talent.Cli.Commands;

/// <summary>
/// The files a command reads documents from, found and read without trusting the folder: hidden files and folders are
/// left out, a folder reached through a symbolic link is not entered (a link to a parent folder listed everything again
/// forty times over), and a file is read to at most one byte past the size limit. A file that reports no length (a
/// pipe, a device, <c>/proc</c>) is not opened, and is an empty document: opening a pipe waits for a writer that may
/// never come.
/// </summary>
internal static class DocumentFiles
{
    /// <summary>The files in <paramref name="folder"/> and the folders under it, in a stable order.</summary>
    public static List<string> InFolder(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var files = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToSpecifiedFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !entry.FileName.StartsWith('.'),
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                (entry.Attributes & FileAttributes.ReparsePoint) == 0 && !entry.FileName.StartsWith('.'),
        };
        return [.. files.Order(StringComparer.Ordinal)];
    }

    /// <summary>The file's bytes (none when it reports no length), or why it is not read: over the size limit, or grown past it while read.</summary>
    public static async Task<(byte[]? Bytes, string? Refusal)> ReadAsync(string path, DocumentLimits limits, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            // Nothing to read, or nothing that can be read safely: the document is empty, and refused as such downstream.
            return ([], null);
        }

        if (limits.SizeProblem(length) is { } tooLarge)
        {
            return (null, tooLarge);
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 81_920, FileOptions.Asynchronous);
        using var bytes = new MemoryStream();
        var buffer = new byte[81_920];
        for (var read = await stream.ReadAsync(buffer, cancellationToken); read > 0; read = await stream.ReadAsync(buffer, cancellationToken))
        {
            bytes.Write(buffer, 0, read);
            if (limits.SizeProblem(bytes.Length) is { } grown)
            {
                return (null, grown + " (it grew while it was read)");
            }
        }

        return (bytes.ToArray(), null);
    }
}
