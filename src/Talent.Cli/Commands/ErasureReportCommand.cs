using System.CommandLine;
using System.Globalization;
using Talent.Storage;

namespace Talent.Cli.Commands;

/// <summary>
/// <c>talent admin erasure-report ID</c>: where erasure of a candidate looked and what it removed, from the reports stored
/// when it ran (counts only: the reports hold no personal data).
/// </summary>
internal static class ErasureReportCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("ID") { Description = "Candidate id that was erased (talent remove, DELETE /api/candidates/{id})" };
        var command = new Command("erasure-report", "Where an erasure looked and what it removed") { id, Output.Json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = await ShowCommand.OpenStoreAsync(parseResult, cancellationToken);
            var candidateId = parseResult.GetValue(id);
            var reports = await store.ErasureReportsAsync(candidateId, cancellationToken);
            if (reports.Count == 0)
            {
                throw new WorkException($"no erasure recorded for candidate {candidateId}");
            }

            if (parseResult.GetValue(Output.Json))
            {
                Output.WriteJson(reports);
                return ExitCodes.Success;
            }

            Print(candidateId, reports);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(long candidateId, IReadOnlyList<ErasureReport> reports)
    {
        Console.WriteLine($"erasure of candidate {candidateId}: {reports.Count} removal{(reports.Count == 1 ? "" : "s")}");
        foreach (var r in reports)
        {
            Console.WriteLine($"  #{r.Id} {r.ErasedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} by {r.Scope}{(r.CandidateRemoved ? ", the candidate's last source: person removed" : "")}");
        }

        Console.WriteLine("looked in: sources (accepted, flagged for review and rejected: those sharing an e-mail, phone or homepage, or once the person's),");
        Console.WriteLine("           identity keys, merge log, audit results, audit texts (queries naming the person), shortlist entries and notes,");
        Console.WriteLine("           write-ahead log, index segment files,");
        Console.WriteLine("           the broker's error queues (messages naming an erased source or holding the person's e-mail, phone or homepage)");
        Row("accepted sources deleted", reports.Sum(r => r.AcceptedSources).ToString(CultureInfo.InvariantCulture));
        Row("rejected sources deleted", reports.Sum(r => r.RejectedSources).ToString(CultureInfo.InvariantCulture));
        Row("flagged pages deleted", reports.Sum(r => r.FlaggedSources).ToString(CultureInfo.InvariantCulture)
            + " (pages flagged for review that held the person's e-mail, phone or homepage)");
        Row("stale versions", "none stored (an older version is never kept)");
        Row("identity keys deleted", reports.Sum(r => r.IdentityKeys).ToString(CultureInfo.InvariantCulture));
        Row("merge records deleted", reports.Sum(r => r.Merges).ToString(CultureInfo.InvariantCulture));
        Row("audit results removed", reports.Sum(r => r.AuditResults).ToString(CultureInfo.InvariantCulture) + " (the candidate's id in stored results)");
        Row("audit texts scrubbed", reports.Sum(r => r.AuditTexts).ToString(CultureInfo.InvariantCulture) + " (replaced with [erased]; that the access happened stays)");
        Row("shortlist entries deleted", reports.Sum(r => r.ShortlistEntries).ToString(CultureInfo.InvariantCulture));
        Row("shortlist notes scrubbed", reports.Sum(r => r.ShortlistNotes).ToString(CultureInfo.InvariantCulture) + " (notes naming the person, replaced with [erased])");
        Row("candidate", reports.Any(r => r.CandidateRemoved) ? "removed" : "still present (other sources remain)");
        Row("write-ahead log", reports.All(r => r.LogTruncated == true) ? "truncated after every removal" : "not truncated after every removal (a reader was busy; the next checkpoint does it)");
        Row("index", reports.All(r => r.IndexPurged is not null)
            ? $"{reports.Sum(r => r.IndexPurged ?? 0).ToString(CultureInfo.InvariantCulture)} deleted documents rewritten out of the segment files"
            : "not purged yet (the worker purges after applying the removal)");
        foreach (var line in BrokerLines(reports))
        {
            Row("broker", line);
        }
    }

    /// <summary>Where each removal looked in the broker, the same places once, with what it read and removed there.</summary>
    private static IEnumerable<string> BrokerLines(IReadOnlyList<ErasureReport> reports)
    {
        if (reports.Any(r => r.Broker is null))
        {
            yield return "not looked in yet (the worker does it after the database, or at its next start if it stopped first)";
        }

        foreach (var place in reports.Where(r => r.Broker is not null).GroupBy(r => r.Broker, StringComparer.Ordinal))
        {
            if (string.Equals(place.Key, ErasureReport.NoBroker, StringComparison.Ordinal))
            {
                yield return "none (in-memory bus: messages live only in the process)";
                continue;
            }

            var read = place.Sum(r => r.BrokerExamined ?? 0).ToString(CultureInfo.InvariantCulture);
            var removed = place.Sum(r => r.BrokerRemoved ?? 0).ToString(CultureInfo.InvariantCulture);
            yield return $"{place.Key}: {read} messages read, {removed} removed, the rest put back unchanged";
            foreach (var failure in place.Select(r => r.BrokerFailure).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                yield return "not finished (tried again at the worker's next start): " + TextLine.Of(failure);
            }
        }
    }

    private static void Row(string what, string value) => Console.WriteLine($"  {what,-26} {value}");
}
