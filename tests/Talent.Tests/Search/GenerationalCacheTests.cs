using Talent.Search.Caching;

namespace Talent.Tests.Search;

/// <summary>
/// The cache that ranking keeps papers' analysed terms, stored candidates and their vectors in between requests: it stays
/// within its budget however much is added, keeps the values still asked for, and is safe for many readers at once.
/// </summary>
public sealed class GenerationalCacheTests
{
    [Fact]
    public void Values_added_past_the_budget_push_the_oldest_out_and_the_size_stays_within_it()
    {
        var cache = new GenerationalCache<int, string>(budgetBytes: 10_000);
        for (var i = 0; i < 1_000; i++)
        {
            cache.Add(i, $"value {i}", bytes: 100);
            Assert.True(cache.Bytes <= 10_000 + 100, $"{cache.Bytes} bytes kept after {i + 1} values");
        }

        Assert.InRange(cache.Count, 50, 101);
        Assert.False(cache.TryGet(0, out _));
        Assert.True(cache.TryGet(999, out var last));
        Assert.Equal("value 999", last);
    }

    [Fact]
    public void A_value_asked_for_again_stays_while_values_not_asked_for_leave()
    {
        var cache = new GenerationalCache<int, string>(budgetBytes: 10_000);
        cache.Add(-1, "in use", bytes: 100);
        for (var i = 0; i < 1_000; i++)
        {
            cache.Add(i, $"value {i}", bytes: 100);
            Assert.True(cache.TryGet(-1, out var used), $"lost after {i + 1} other values");
            Assert.Equal("in use", used);
        }

        Assert.False(cache.TryGet(0, out _));
    }

    [Fact]
    public void A_value_larger_than_half_the_budget_is_not_kept_and_a_key_keeps_its_first_value()
    {
        var cache = new GenerationalCache<string, string>(budgetBytes: 1_000, StringComparer.Ordinal);
        cache.Add("large", "too large", bytes: 501);
        Assert.False(cache.TryGet("large", out _));
        Assert.Equal(0, cache.Bytes);

        cache.Add("key", "first", bytes: 10);
        cache.Add("key", "second", bytes: 10);
        Assert.True(cache.TryGet("key", out var value));
        Assert.Equal("first", value);
        Assert.Equal(10, cache.Bytes);
    }

    [Fact]
    public void A_key_is_worth_keeping_once_it_comes_back()
    {
        var cache = new GenerationalCache<string, string>(budgetBytes: 1_000, StringComparer.Ordinal);
        var once = Enumerable.Range(0, 1_000).Count(i => cache.Admits($"paper {i}"));
        Assert.True(once <= 5, $"{once} of 1,000 keys asked about once were admitted");
        Assert.True(Enumerable.Range(0, 1_000).All(i => cache.Admits($"paper {i}")));
    }

    [Fact]
    public async Task Many_threads_adding_and_reading_at_once_find_what_they_added_and_stay_within_the_budget()
    {
        var cache = new GenerationalCache<int, int[]>(budgetBytes: 64_000);
        var wrong = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var key = (thread * 1_000_000) + (i % 500);
                if (cache.TryGet(key, out var found))
                {
                    Interlocked.Add(ref wrong, found[0] == key ? 0 : 1);
                }
                else
                {
                    cache.Add(key, [key], bytes: 64);
                }
            }
        })));

        Assert.Equal(0, wrong);
        // Threads adding while a generation turns over may each put one value more into it.
        Assert.True(cache.Bytes <= 64_000 + (8 * 64), $"{cache.Bytes} bytes kept");
    }
}
