namespace Talent.Search;

/// <summary>The index directory's write lock is held by another process.</summary>
public sealed class IndexInUseException(string directory, Exception inner)
    : Exception($"the index in {directory} is in use by another Talent process", inner);
