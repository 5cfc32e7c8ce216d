namespace Talent.Server.Ingestion;

/// <summary>How recently this process stored ingested documents: work that should stay behind ingestion waits on it.</summary>
public interface IIngestionActivity
{
    /// <summary>Time since the last documents were stored, or null when none were.</summary>
    TimeSpan? SinceLastWrite { get; }
}
