using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Talent.Contracts;
using Talent.Server.Access;
using Talent.Server.Configuration;
using Talent.Server.Identity;
using Talent.Server.Indexing;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary>
/// The one way a command reaches a data folder: it finds who holds the folder and sends the work there. Nobody holds
/// it: the work runs in this process. A <c>talent serve</c> holds it: the work goes to its HTTP API. A
/// <c>talent worker</c> holds it: the work goes through its broker. In every case the real outcome comes back (per
/// document, per erasure, reindex progress), so a command prints the same and exits the same wherever it ran.
/// </summary>
internal abstract class DataFolder(CancellationTokenSource stop) : IDisposable
{
    /// <summary>How long to wait between two looks at a rebuild that runs in another process.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    /// <summary>How long the holder may take to pick a reindex request up before the command says it did not.</summary>
    private static readonly TimeSpan StartWithin = TimeSpan.FromMinutes(5);

    private const string WorkerHolder = "a talent worker holds this data folder; the work goes to it through the broker";

    /// <summary>Where the work runs, for a line on stderr; null when it runs in this process.</summary>
    public abstract string? Holder { get; }

    /// <summary>Ingests one document and returns its outcome (<see cref="StoreOutcome"/>) and the reason for a rejection.</summary>
    public abstract Task<(string Outcome, string? Reason)> IngestAsync(ProfileDocumentSubmitted document, CancellationToken cancellationToken);

    /// <summary>Erases a source or a candidate; returns once it is gone from the database and the index files.</summary>
    public abstract Task<CandidateRemovalProcessed> RemoveAsync(CandidateRemovalRequested request, CancellationToken cancellationToken);

    /// <summary>A person's merge or split of candidates; the outcome, or the reason it was refused.</summary>
    public abstract Task<IdentityCorrection> DecideAsync(IdentityRequest request, CancellationToken cancellationToken);

    /// <summary>Rebuilds the index, reporting progress; returns the rebuild's final status.</summary>
    public abstract Task<ReindexStatus> ReindexAsync(Action<ReindexStatus> progress, CancellationToken cancellationToken);

    /// <summary>
    /// The command's token, cancelled also when Ctrl+C or a termination signal reaches a host this command started (the
    /// host takes those signals before the command line library sees them).
    /// </summary>
    public CancellationToken Stopping => stop.Token;

    /// <summary>After the work: waits until what this process wrote is searchable, then stops what it started.</summary>
    public virtual Task FinishAsync() => Task.CompletedTask;

    public virtual void Dispose() => stop.Dispose();

    /// <summary>Finds who holds the data folder and connects to it, saying on stderr where the work goes when it is not this process.</summary>
    public static async Task<DataFolder> ReachAsync(ParseResult parseResult, Dictionary<string, string?> overrides, string command, CancellationToken cancellationToken)
    {
        var host = WorkerHost.Build(IndexFreshness.OneShot(overrides));
        try
        {
            if (await WorkerHost.TryStartAsync(host, cancellationToken))
            {
                return new Local(host, host.StopsWith(cancellationToken));
            }
        }
        catch
        {
            host.Dispose();
            throw;
        }

        host.Dispose();
        if (RunningServer.Find(CliSettings.Configuration(parseResult)) is { } server)
        {
            var reached = new Server(server, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken));
            Console.Error.WriteLine(reached.Holder);
            return reached;
        }

        var worker = WorkerHost.ForRunningWorker(parseResult, overrides, command);
        Console.Error.WriteLine(WorkerHolder);
        try
        {
            await WorkerHost.StartBrokerClientAsync(worker, cancellationToken);
        }
        catch
        {
            worker.Dispose();
            throw;
        }

        var indexRoot = Path.GetFullPath(CliSettings.Options<IndexOptions>(CliSettings.Configuration(parseResult), IndexOptions.Section).Directory);
        return new Worker(worker, indexRoot, worker.StopsWith(cancellationToken));
    }

    /// <summary>
    /// Follows a rebuild that another process runs, from its status: the one this command asked for (started at or after
    /// <paramref name="requestedAt"/>), or one that was already running, to its end.
    /// </summary>
    private static async Task<ReindexStatus> FollowAsync(
        Func<CancellationToken, Task<ReindexStatus?>> read, DateTimeOffset requestedAt, bool runningAlready, Action<ReindexStatus> progress, CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var status = await read(cancellationToken);
            var ours = status?.StartedAt is { } started && started >= requestedAt.AddSeconds(-1);
            if (status is not null && (ours || (runningAlready && status.State != ReindexStatus.Idle)))
            {
                progress(status);
                if (status.State is ReindexStatus.Succeeded or ReindexStatus.Failed)
                {
                    return status;
                }
            }
            else if (waiting.Elapsed > StartWithin)
            {
                throw new WorkException($"the process holding this data folder did not start the reindex within {StartWithin.TotalMinutes:0} minutes; is the talent worker running, on this broker?");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Nobody holds the folder: an in-process worker (in-memory bus, database, index writer) does the work.</summary>
    private sealed class Local(IHost host, CancellationTokenSource stop) : DataFolder(stop)
    {
        public override string? Holder => null;

        public override async Task<(string Outcome, string? Reason)> IngestAsync(ProfileDocumentSubmitted document, CancellationToken cancellationToken)
        {
            var response = await host.Get<IRequestClient<ProfileDocumentSubmitted>>().GetResponse<ProfileDocumentProcessed>(document, cancellationToken);
            return (response.Message.Outcome ?? StoreOutcome.Rejected, response.Message.Reason);
        }

        public override async Task<CandidateRemovalProcessed> RemoveAsync(CandidateRemovalRequested request, CancellationToken cancellationToken) =>
            (await host.Get<IRequestClient<CandidateRemovalRequested>>().GetResponse<CandidateRemovalProcessed>(request, cancellationToken)).Message;

        public override Task<IdentityCorrection> DecideAsync(IdentityRequest request, CancellationToken cancellationToken)
        {
            var decisions = host.Get<IdentityDecisions>();
            var actor = new IdentityActor($"{Environment.UserName} (talent admin)", null, AuditTrail.CommandLineClient + Environment.UserName);
            return request.With is { } with
                ? decisions.MergeAsync(request.CandidateId, with, actor, cancellationToken)
                : decisions.SplitAsync(request.CandidateId, request.Sources, actor, cancellationToken);
        }

        public override async Task<ReindexStatus> ReindexAsync(Action<ReindexStatus> progress, CancellationToken cancellationToken)
        {
            var rebuilder = host.Get<IndexRebuilder>();
            await rebuilder.RebuildAsync(new Progress<ReindexStatus>(progress), cancellationToken);
            return rebuilder.Status;
        }

        public override async Task FinishAsync()
        {
            await host.Get<IndexSynchronizer>().WaitForCatchUpAsync(CancellationToken.None);
            await host.StopAsync(CancellationToken.None);
        }

        public override void Dispose()
        {
            host.Dispose();
            base.Dispose();
        }
    }

    /// <summary>A <c>talent serve</c> (any role) holds the folder: its HTTP API does the work and answers with the outcome.</summary>
    private sealed class Server(RunningServer server, CancellationTokenSource stop) : DataFolder(stop)
    {
        public override string? Holder => $"a talent server at {server.Address} holds this data folder; it does the work";

        public override async Task<(string Outcome, string? Reason)> IngestAsync(ProfileDocumentSubmitted document, CancellationToken cancellationToken)
        {
            using var response = await server.PostAsync("/api/admin/commands/ingest", document, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (StoreOutcome.Rejected, $"the server answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            var processed = await response.Content.ReadFromJsonAsync<ProfileDocumentProcessed>(cancellationToken);
            return (processed?.Outcome ?? StoreOutcome.Rejected, processed?.Reason);
        }

        public override async Task<CandidateRemovalProcessed> RemoveAsync(CandidateRemovalRequested request, CancellationToken cancellationToken)
        {
            using var response = await server.PostAsync("/api/admin/commands/remove", request, cancellationToken);
            await EnsureSuccessAsync(response, "the removal", cancellationToken);
            return await response.Content.ReadFromJsonAsync<CandidateRemovalProcessed>(cancellationToken)
                ?? throw new WorkException($"empty answer from the server at {server.Address}");
        }

        public override async Task<IdentityCorrection> DecideAsync(IdentityRequest request, CancellationToken cancellationToken)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"/api/candidates/{request.CandidateId}/");
            using var response = request.With is { } with
                ? await server.PostAsync(path + "merge", new { with }, cancellationToken)
                : await server.PostAsync(path + "split", new { sources = request.Sources }, cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest
                && await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(cancellationToken) is { Errors.Count: > 0 } problem)
            {
                return new IdentityCorrection(problem.Errors.Values.SelectMany(e => e).First(), []);
            }

            await EnsureSuccessAsync(response, request.With is null ? "the split" : "the merge", cancellationToken);
            return await response.Content.ReadFromJsonAsync<IdentityCorrection>(cancellationToken)
                ?? throw new WorkException($"empty answer from the server at {server.Address}");
        }

        public override async Task<ReindexStatus> ReindexAsync(Action<ReindexStatus> progress, CancellationToken cancellationToken)
        {
            var requestedAt = DateTimeOffset.UtcNow;
            using var response = await server.PostAsync("/api/admin/reindex", new { }, cancellationToken);
            var conflict = response.StatusCode == HttpStatusCode.Conflict;
            if (!conflict)
            {
                await EnsureSuccessAsync(response, "the reindex", cancellationToken);
            }

            // A rebuild that was running already is the one to follow (a second one is not started beside it).
            var answered = await response.Content.ReadFromJsonAsync<ReindexStatus>(cancellationToken);
            var runningAlready = conflict || (answered?.State == ReindexStatus.Running && answered.StartedAt < requestedAt.AddSeconds(-1));
            return await FollowAsync(
                async ct => await server.GetAsync<ReindexStatus>("/api/admin/reindex", ct), requestedAt, runningAlready, progress, cancellationToken);
        }

        private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new WorkException(string.Create(CultureInfo.InvariantCulture, $"the server refused {what}: {(int)response.StatusCode} {response.ReasonPhrase} {TextLine.Of(body)}").TrimEnd());
            }
        }

        public override void Dispose()
        {
            server.Dispose();
            base.Dispose();
        }
    }

    /// <summary>A <c>talent worker</c> holds the folder: requests go through its broker, each answered by the worker.</summary>
    private sealed class Worker(IHost publisher, string indexRoot, CancellationTokenSource stop) : DataFolder(stop)
    {
        public override string? Holder => WorkerHolder;

        public override async Task<(string Outcome, string? Reason)> IngestAsync(ProfileDocumentSubmitted document, CancellationToken cancellationToken)
        {
            var response = await publisher.Get<IRequestClient<ProfileDocumentSubmitted>>().GetResponse<ProfileDocumentProcessed>(document, cancellationToken);
            return (response.Message.Outcome ?? StoreOutcome.Rejected, response.Message.Reason);
        }

        public override async Task<CandidateRemovalProcessed> RemoveAsync(CandidateRemovalRequested request, CancellationToken cancellationToken) =>
            (await publisher.Get<IRequestClient<CandidateRemovalRequested>>().GetResponse<CandidateRemovalProcessed>(request, cancellationToken)).Message;

        /// <summary>A decision goes to the database a query service of the folder reads, not through the broker.</summary>
        public override Task<IdentityCorrection> DecideAsync(IdentityRequest request, CancellationToken cancellationToken) =>
            throw new WorkException(
                "a talent worker holds this data folder and takes no merge or split: send it to a talent serve of the folder " +
                "(POST /api/candidates/ID/merge or /split), or run the command while the worker is stopped");

        public override async Task<ReindexStatus> ReindexAsync(Action<ReindexStatus> progress, CancellationToken cancellationToken)
        {
            var requestedAt = DateTimeOffset.UtcNow;
            var runningAlready = IndexRebuilder.ReadStatusFile(indexRoot)?.State == ReindexStatus.Running;
            await publisher.Get<IPublishEndpoint>().Publish(new ReindexRequested { RequestedAt = requestedAt }, cancellationToken);
            return await FollowAsync(_ => Task.FromResult(IndexRebuilder.ReadStatusFile(indexRoot)), requestedAt, runningAlready, progress, cancellationToken);
        }

        public override async Task FinishAsync() => await publisher.StopAsync(CancellationToken.None);

        public override void Dispose()
        {
            publisher.Dispose();
            base.Dispose();
        }
    }
}
