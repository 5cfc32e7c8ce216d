using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Talent.Contracts;
using Talent.Server;
using Talent.Server.Indexing;
using Talent.Server.Ingestion;

namespace Talent.Tests;

/// <summary>
/// The same application <c>talent serve</c> builds, on the ASP.NET Core test server, with its own
/// data folder and the in-memory bus.
/// </summary>
internal sealed class TalentTestHost : IAsyncDisposable
{
    private readonly TempDirectory directory;

    private TalentTestHost(WebApplication app, TempDirectory directory, Uri? address)
    {
        App = app;
        Client = address is null ? app.GetTestClient() : new HttpClient { BaseAddress = address };
        // As the web page and the CLI do: state-changing requests without a key need it.
        Client.DefaultRequestHeaders.Add("X-Talent-Request", "1");
        Address = address;
        this.directory = directory;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public string DataDirectory => directory.Path;

    /// <summary>Where Kestrel listens, for a host started with <c>listen: true</c> (a browser needs a real socket).</summary>
    public Uri? Address { get; }

    public static async Task<TalentTestHost> StartAsync(Dictionary<string, string?>? settings = null, bool listen = false, Action<WebApplicationBuilder>? configure = null)
    {
        var temp = new TempDirectory();
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Talent:Data:Directory"] = temp.Path,
            ["Talent:Index:Directory"] = Path.Combine(temp.Path, "indexes"),
            ["Talent:Index:CommitDelayMilliseconds"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            // Sentence vectors are on by default; a host embeds only where a test turns them on, so the suite does not
            // load the model and drain a backlog in every host.
            ["Talent:Embeddings:Enabled"] = "false",
            // A query's time budget is wall-clock time: a busy machine (or the model loading for a first match) must not
            // stop a test's query; the tests of the budget set their own.
            ["Talent:Search:Limits:TimeBudgetMilliseconds"] = "600000",
        };
        foreach (var (key, value) in settings ?? [])
        {
            overrides[key] = value;
        }

        var builder = TalentApplication.CreateWebBuilder(overrides);
        if (listen)
        {
            // Port 0: the operating system picks a free loopback port, read back from the server once started.
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        configure?.Invoke(builder);
        var app = TalentApplication.BuildWebApplication(builder);
        await app.StartAsync();
        var address = listen
            ? new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First())
            : null;
        return new TalentTestHost(app, temp, address);
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Submits a document through the bus and waits for the worker's answer.</summary>
    public async Task<ProfileDocumentProcessed> SubmitAsync(string sourceId, string contentType, string content, long version = 1)
    {
        var client = Get<IRequestClient<ProfileDocumentSubmitted>>();
        var response = await client.GetResponse<ProfileDocumentProcessed>(new ProfileDocumentSubmitted
        {
            SourceId = sourceId,
            Version = version,
            ContentType = contentType,
            Content = content,
            SubmittedAt = DateTimeOffset.UtcNow,
        });
        return response.Message;
    }

    public Task<ProfileDocumentProcessed> SubmitFileAsync(string path) =>
        SubmitAsync("file:" + Path.GetFileName(path), DocumentIngestion.ContentTypeForFile(path), File.ReadAllText(path));

    /// <summary>Waits until everything stored is searchable.</summary>
    public async Task WaitForIndexAsync()
    {
        using var timeout = TestWait.Token();
        await Get<IndexSynchronizer>().WaitForCatchUpAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        directory.Dispose();
    }
}
