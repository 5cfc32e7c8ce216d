using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Talent.Server.Api;
using Talent.Server.Configuration;

namespace Talent.Cli.Commands;

/// <summary>A <c>talent serve</c> that holds the data folder, reached over its HTTP API.</summary>
internal sealed class RunningServer(HttpClient client) : IDisposable
{
    public Uri Address => client.BaseAddress!; // always set by Find

    /// <summary>The server announced in the data folder, or null when none is running.</summary>
    public static RunningServer? Find(IConfiguration configuration)
    {
        var data = CliSettings.Options<DataOptions>(configuration, DataOptions.Section);
        var announcement = ServerAnnouncement.Find(Path.GetFullPath(data.Directory));
        var url = announcement?.Urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.Ordinal)) ?? announcement?.Urls.FirstOrDefault();
        if (url is null)
        {
            return null;
        }

        // A wildcard listen address is reached on loopback.
        url = url.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal);
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        // Without a key, the server takes state-changing requests (ingest, reindex) only with this header.
        client.DefaultRequestHeaders.Add("X-Talent-Request", "1");
        // A server that is not on loopback only requires an admin key for ingestion and reindex.
        if (Environment.GetEnvironmentVariable("TALENT_API_KEY") is { Length: > 0 } key)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return new RunningServer(client);
    }

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        await client.GetFromJsonAsync<T>(path, cancellationToken) ?? throw new WorkException($"empty answer from the server at {Address}");

    public Task<HttpResponseMessage> PostAsync<T>(string path, T body, CancellationToken cancellationToken) =>
        client.PostAsJsonAsync(path, body, cancellationToken);

    public void Dispose() => client.Dispose();
}
