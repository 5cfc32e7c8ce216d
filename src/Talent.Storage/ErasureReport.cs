using System.Text.Json.Serialization;

namespace Talent.Storage;

/// <summary>
/// What one erasure removed, by place (no personal data: counts only). <see cref="LogTruncated"/> says the write-ahead
/// log was emptied after it; <see cref="IndexPurged"/> is the number of deleted documents the index then rewrote out of
/// its segment files (null until the index has done so). <see cref="Broker"/> says where the worker then looked in the
/// message broker: null until it has, <see cref="NoBroker"/> when the bus has none, else the queues it searched, with
/// the messages it read there (<see cref="BrokerExamined"/>), removed (<see cref="BrokerRemoved"/>) and why it could not
/// finish (<see cref="BrokerFailure"/>).
/// </summary>
public sealed record ErasureReport(
    long Id,
    string Scope,
    long? CandidateId,
    DateTimeOffset ErasedAt,
    bool Found,
    int AcceptedSources,
    int RejectedSources,
    int IdentityKeys,
    int Merges,
    int AuditResults,
    int AuditTexts,
    bool CandidateRemoved,
    bool? LogTruncated,
    int? IndexPurged,
    string? Broker = null,
    int? BrokerExamined = null,
    int? BrokerRemoved = null,
    string? BrokerFailure = null)
{
    /// <summary>The candidate's shortlist entries deleted with them.</summary>
    public int ShortlistEntries { get; init; }

    /// <summary>Shortlist notes (about anyone) that named the person, replaced with <c>[erased]</c>.</summary>
    public int ShortlistNotes { get; init; }

    /// <summary>
    /// Sources flagged for review (a page whose e-mails or addresses point at several people, linked to nobody) deleted
    /// because they held one of the person's contact details.
    /// </summary>
    public int FlaggedSources { get; init; }

    /// <summary>The value of <see cref="Broker"/> when the bus keeps messages in the process only.</summary>
    public const string NoBroker = "in-memory";

    /// <summary>
    /// Who was erased, to find their messages outside SQLite (the broker's error queues). Held in memory by the process
    /// that erased them, never stored or printed.
    /// </summary>
    [JsonIgnore]
    public ErasedPerson? Erased { get; init; }

    public static ErasureReport NotFound(string scope) => new(0, scope, null, default, false, 0, 0, 0, 0, 0, 0, false, null, null);
}

/// <summary>
/// An erased person as the rest of the system can recognise them in raw messages: the ids of the source documents the
/// erasure deleted, and their contact details (e-mail addresses, phone numbers, homepages), by the same rules that
/// decide which rejected documents in SQLite were theirs. It answers whether a text is theirs and never gives the details out.
/// </summary>
public sealed class ErasedPerson
{
    private readonly PersonTraces traces;
    private readonly HashSet<string> sourceIds;

    internal ErasedPerson(PersonTraces traces, IEnumerable<string> sourceIds)
    {
        this.traces = traces;
        this.sourceIds = new HashSet<string>(sourceIds, StringComparer.Ordinal);
    }

    /// <summary>The person as JSON, for the pending-erasure row that lives only until the work outside SQLite is done.</summary>
    internal string Serialize() => System.Text.Json.JsonSerializer.Serialize(traces.ToStored(sourceIds));

    /// <summary>The person from <see cref="Serialize"/>.</summary>
    internal static ErasedPerson Deserialize(string json)
    {
        var stored = System.Text.Json.JsonSerializer.Deserialize<PersonTraces.Stored>(json)
            ?? throw new InvalidDataException("a pending erasure's person is empty");
        return new ErasedPerson(PersonTraces.FromStored(stored), stored.SourceIds);
    }

    /// <summary>True when <paramref name="value"/> is the id of a source document the erasure deleted.</summary>
    public bool IsSourceId(string? value) => value is not null && sourceIds.Contains(value.Trim());

    /// <summary>True when <paramref name="text"/> holds one of the person's e-mail addresses, phone numbers or homepages.</summary>
    public bool SharesContact(string? text) => traces.SharesContact(text);
}
