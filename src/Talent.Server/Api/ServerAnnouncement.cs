using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Talent.Server.Configuration;

namespace Talent.Server.Api;

/// <summary>
/// While <c>talent serve</c> holds a data folder it says so in <c>server.json</c> there (process id and
/// addresses), so one-shot commands on the same folder can ask it to do their work instead of failing
/// on the index lock.
/// </summary>
public sealed class ServerAnnouncement(IServer server, IHostApplicationLifetime lifetime, IOptions<DataOptions> data) : IHostedService
{
    public const string FileName = "server.json";

    /// <summary>The content of <c>server.json</c>.</summary>
    public sealed record Announcement(int ProcessId, IReadOnlyList<string> Urls);

    private bool written;

    private string FilePath => Path.Combine(Path.GetFullPath(data.Value.Directory), FileName);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
            if (urls.Count > 0)
            {
                File.WriteAllText(FilePath, JsonSerializer.Serialize(new Announcement(Environment.ProcessId, urls), JsonSerializerOptions.Web));
                written = true;
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (written && File.Exists(FilePath))
        {
            File.Delete(FilePath);
        }

        return Task.CompletedTask;
    }

    /// <summary>The server holding <paramref name="dataDirectory"/>, if its process is still alive.</summary>
    public static Announcement? Find(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var announcement = JsonSerializer.Deserialize<Announcement>(File.ReadAllText(path), JsonSerializerOptions.Web);
            if (announcement is null || announcement.Urls.Count == 0)
            {
                return null;
            }

            using var process = System.Diagnostics.Process.GetProcessById(announcement.ProcessId);
            return process.HasExited ? null : announcement;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or IOException)
        {
            // A stale or half-written file: no live server announced.
            return null;
        }
    }
}
