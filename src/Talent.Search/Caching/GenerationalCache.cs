using System.Collections.Concurrent;

namespace Talent.Search.Caching;

/// <summary>
/// Values kept between requests within a memory budget, for many readers at once. Values join the current generation;
/// when it holds half the budget it becomes the previous one and the previous one is dropped, and a value found in the
/// previous one moves to the current one, so the values in use stay and the others leave (a cheap approximation of
/// least recently used, without a lock on reads). Sizes are the caller's estimate in bytes. Values must not change once
/// kept: every reader shares them.
/// <para>
/// A value is worth keeping when its key comes back: <see cref="Admits"/> says yes the second time a key is asked about
/// within a while (a bit per hash in a fixed table, cleared when half full), so a request reading things nobody reads
/// again (a match over a hundred thousand candidates touches a few hundred at random) fills neither the memory nor the
/// collector's older generations with them.
/// </para>
/// </summary>
public sealed class GenerationalCache<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    /// <summary>Bits of the table of keys asked about once (256 KB).</summary>
    private const int SeenBits = 1 << 21;

    private readonly long generationBytes;
    private readonly int[] seen = new int[SeenBits / 32];
    private int seenCount;
    private readonly IEqualityComparer<TKey>? comparer;
    private readonly Lock rotating = new();
    private Generation current;
    private Generation previous;

    /// <param name="budgetBytes">About how much the values kept may take, both generations together.</param>
    /// <param name="comparer">How keys compare (the type's default when null).</param>
    public GenerationalCache(long budgetBytes, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetBytes);
        generationBytes = budgetBytes / 2;
        this.comparer = comparer;
        current = new Generation(comparer);
        previous = new Generation(comparer);
    }

    /// <summary>Values kept now, both generations (a value in both counts twice).</summary>
    public int Count => current.Entries.Count + previous.Entries.Count;

    /// <summary>About how many bytes the values kept take now, both generations.</summary>
    public long Bytes => Interlocked.Read(ref current.Bytes) + Interlocked.Read(ref previous.Bytes);

    /// <summary>The value kept for <paramref name="key"/>, moved to the current generation when found in the previous one.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        var now = current;
        if (now.Entries.TryGetValue(key, out var entry))
        {
            value = entry.Value;
            return true;
        }

        if (previous.Entries.TryGetValue(key, out entry))
        {
            Add(now, key, entry);
            value = entry.Value;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>
    /// Whether a value for <paramref name="key"/> is worth keeping: true when the key was asked about before, since the
    /// table of keys asked about was last cleared (a key sharing a hash with another may come in at once).
    /// </summary>
    public bool Admits(TKey key)
    {
        var hash = (uint)(comparer?.GetHashCode(key) ?? EqualityComparer<TKey>.Default.GetHashCode(key)) & (SeenBits - 1);
        var bit = 1 << (int)(hash & 31);
        if ((Interlocked.Or(ref seen[hash >> 5], bit) & bit) != 0)
        {
            return true;
        }

        if (Interlocked.Increment(ref seenCount) > SeenBits / 2)
        {
            // Cleared by whoever finds it half full; a key marked meanwhile may be asked about once more.
            Array.Clear(seen);
            Interlocked.Exchange(ref seenCount, 0);
        }

        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/> (a value already kept for it stays), <paramref name="bytes"/> its estimated size.</summary>
    public void Add(TKey key, TValue value, long bytes) => Add(current, key, new Entry(value, bytes));

    private void Add(Generation generation, TKey key, Entry entry)
    {
        if (entry.Bytes > generationBytes || !generation.Entries.TryAdd(key, entry))
        {
            return;
        }

        if (Interlocked.Add(ref generation.Bytes, entry.Bytes) <= generationBytes)
        {
            return;
        }

        lock (rotating)
        {
            if (!ReferenceEquals(current, generation))
            {
                return;
            }

            previous = generation;
            current = new Generation(comparer);
        }
    }

    private readonly record struct Entry(TValue Value, long Bytes);

    private sealed class Generation(IEqualityComparer<TKey>? comparer)
    {
        public readonly ConcurrentDictionary<TKey, Entry> Entries = new(comparer);
        public long Bytes;
    }
}
