using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Talent.Server;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.RabbitMq.Tests;

/// <summary>
/// The application <c>talent serve</c> builds, on the ASP.NET Core test server, with its own data
/// folder and the RabbitMQ transport pointing at the private broker (its own virtual host).
/// </summary>
internal sealed class BrokerTalentHost : IAsyncDisposable
{
    private readonly string directory;

    private BrokerTalentHost(WebApplication app, string directory)
    {
        App = app;
        Client = app.GetTestClient();
        // As the web page and the CLI do: state-changing requests without a key need it.
        Client.DefaultRequestHeaders.Add("X-Talent-Request", "1");
        this.directory = directory;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<BrokerTalentHost> StartAsync(RabbitMqBroker broker, string virtualHost, TalentRoles roles = TalentRoles.All, string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = dataDirectory ?? NewDataDirectory();
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Talent:Data:Directory"] = directory,
            ["Talent:Index:Directory"] = Path.Combine(directory, "indexes"),
            ["Talent:Index:CommitDelayMilliseconds"] = "0",
            ["Talent:Bus:Transport"] = "rabbitmq",
            ["Talent:Bus:RabbitMqUrl"] = broker.AmqpUrl(virtualHost),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:MassTransit"] = "Critical",
            // Sentence vectors are on by default; these hosts test the bus, not the model.
            ["Talent:Embeddings:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var builder = TalentApplication.CreateWebBuilder(overrides, roles);
        builder.WebHost.UseTestServer();
        var app = TalentApplication.BuildWebApplication(builder);
        await app.StartAsync();
        return new BrokerTalentHost(app, directory);
    }

    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "talent-rabbitmq-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> only when CI's limit for a hung test is reached.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = TestWait.Token();
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"timed out waiting for {what}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Total hits of a search through the HTTP API.</summary>
    public async Task<int> SearchTotalAsync(string query)
    {
        using var json = JsonDocument.Parse(await Client.GetStringAsync($"/api/search?q={Uri.EscapeDataString(query)}&size=1"));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Source ids listed by <c>GET /api/rejected</c>.</summary>
    public async Task<List<JsonElement>> RejectedAsync()
    {
        var list = await Client.GetFromJsonAsync<List<JsonElement>>("/api/rejected");
        return list ?? [];
    }

    public async Task WaitForIndexAsync()
    {
        using var timeout = TestWait.Token();
        await Get<IndexSynchronizer>().WaitForCatchUpAsync(timeout.Token);
    }

    public Task<long> LastSequenceAsync() => Get<CandidateStore>().LastSequenceAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner takes what a closing file kept.
        }
    }
}

/// <summary>Small realistic CVs written for the tests.</summary>
internal static class Cvs
{
    public static string Markdown(string name, string email, string title, string venue = "NeurIPS 2023", string extra = "") =>
        $"""
        # {name}

        {email}

        ## Research interests

        Video generation, diffusion models. {extra}

        ## SELECTED PUBLICATIONS

        - **{title}**  
          {name}, Ada Other **{venue}**

        """;
}
