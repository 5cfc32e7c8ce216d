using System.Diagnostics;

namespace Talent.Tests.Cli;

/// <summary>Runs the built <c>talent</c> executable as a separate process, the way a user does.</summary>
internal static class TalentProcess
{
    public static string CliPath { get; } = Path.Combine(
        TestPaths.RepositoryRoot, "src", "Talent.Cli", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, // .../bin/<Configuration>/net10.0/
        "net10.0", "talent.dll");

    /// <summary>The environment variable that turns sentence vectors on or off (<c>Talent:Embeddings:Enabled</c>).</summary>
    public const string EmbeddingsEnabled = "Talent__Embeddings__Enabled";

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(CliPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("TALENT_DATA");
        // Sentence vectors are on by default; a command loads the model only where a test turns them on (or, to run as
        // shipped, removes this).
        info.Environment[EmbeddingsEnabled] = "false";
        return info;
    }

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunWithAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs <c>talent</c> with <paramref name="environment"/> added to this process's environment.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = StartInfo(args);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!; // Process.Start returns a process for a file name
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = TestWait.Token();
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A free TCP port on the loopback interface for a server process to listen on.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Writes the demo profiles to a folder under <paramref name="temp"/> and ingests them with <c>talent ingest</c>; returns the data folder.</summary>
    public static async Task<string> IngestDemoAsync(TempDirectory temp) => (await IngestDemoWithAsync(temp, new Dictionary<string, string>())).Data;

    /// <summary>The same, with <paramref name="environment"/> added and <paramref name="options"/> after the folder; also returns what <c>talent ingest</c> wrote.</summary>
    public static async Task<(string Data, string Stdout, string Stderr)> IngestDemoWithAsync(TempDirectory temp, IReadOnlyDictionary<string, string> environment, params string[] options)
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "inbox")).FullName;
        foreach (var (name, content) in Talent.Server.Demo.DemoLoader.Documents())
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), content);
        }

        var data = Path.Combine(temp.Path, "data");
        var (exit, stdout, stderr) = await RunWithAsync(environment, ["--data", data, "ingest", folder, .. options]);
        Assert.True(exit == 0, stderr);
        return (data, stdout, stderr);
    }
}
