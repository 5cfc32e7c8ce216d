namespace Talent.Contracts;

/// <summary>Rebuild the search index from the database.</summary>
public sealed record ReindexRequested
{
    public DateTimeOffset? RequestedAt { get; init; }
}
