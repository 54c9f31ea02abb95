using HighPerf.Caching.L1;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

public sealed class EntryTableTests
{
    /// <summary>Every instance hashes alike: all keys share one probe sequence.</summary>
    private readonly record struct CollidingKey(int Id)
    {
        public override int GetHashCode() => 7;
    }

    private static CacheEntry<TKey, string> Entry<TKey>(TKey key, string value) =>
        new(key, value, error: null, now: 0, lifetime: 60_000, slidingMilliseconds: 0, refreshAfter: long.MaxValue, tags: null, formattedKey: null);

    [Fact]
    public void NewKeys_AreAllFound_AcrossGrowth()
    {
        var table = new EntryTable<ProductKey, string>();
        for (int id = 0; id < 5_000; id++)
        {
            Assert.Null(table.Set(Entry(new ProductKey(id * 1024L), "v" + id)));
        }

        for (int id = 0; id < 5_000; id++)
        {
            Assert.True(table.TryGet(new ProductKey(id * 1024L), out CacheEntry<ProductKey, string>? found));
            Assert.Equal("v" + id, found.Value);
        }

        Assert.False(table.TryGet(new ProductKey(1), out _));
        Assert.Equal(5_000, table.Count);
        Assert.InRange(table.SlotCount, 2 * 5_000, 8 * 5_000);
    }

    [Fact]
    public void ExistingKey_IsReplacedInPlace_AndPreviousEntryReturned()
    {
        var table = new EntryTable<ProductKey, string>();
        CacheEntry<ProductKey, string> first = Entry(new ProductKey(1), "first");
        table.Set(first);

        CacheEntry<ProductKey, string>? previous = table.Set(Entry(new ProductKey(1), "second"));

        Assert.Same(first, previous);
        Assert.True(table.TryGet(new ProductKey(1), out CacheEntry<ProductKey, string>? current));
        Assert.Equal("second", current.Value);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void RemovingMiddleOfProbeChain_KeepsLaterKeysOfChainFindable()
    {
        var table = new EntryTable<CollidingKey, string>();
        var entries = Enumerable.Range(0, 6).Select(id => Entry(new CollidingKey(id), "v" + id)).ToArray();
        foreach (CacheEntry<CollidingKey, string> entry in entries)
        {
            table.Set(entry);
        }

        Assert.True(table.RemoveExact(entries[2]));

        Assert.False(table.TryGet(new CollidingKey(2), out _));
        foreach (int id in new[] { 0, 1, 3, 4, 5 })
        {
            Assert.True(table.TryGet(new CollidingKey(id), out CacheEntry<CollidingKey, string>? found));
            Assert.Same(entries[id], found);
        }

        Assert.Equal(5, table.Count);
    }

    [Fact]
    public void RemoveExact_OfReplacedEntry_ReturnsFalse_AndKeepsCurrentEntry()
    {
        var table = new EntryTable<ProductKey, string>();
        CacheEntry<ProductKey, string> old = Entry(new ProductKey(1), "old");
        table.Set(old);
        table.Set(Entry(new ProductKey(1), "new"));

        Assert.False(table.RemoveExact(old));
        Assert.True(table.TryGet(new ProductKey(1), out CacheEntry<ProductKey, string>? current));
        Assert.Equal("new", current.Value);
    }

    [Fact]
    public void RemovedKey_CanBeAddedAgain_AndRemovedKeyIsNotListed()
    {
        var table = new EntryTable<ProductKey, string>();
        CacheEntry<ProductKey, string> a = Entry(new ProductKey(1), "a");
        table.Set(a);
        table.Set(Entry(new ProductKey(2), "b"));
        table.RemoveExact(a);
        Assert.Equal(["b"], table.Entries.Select(e => e.Value));

        Assert.Null(table.Set(Entry(new ProductKey(1), "a2")));

        Assert.Equal(["a2", "b"], table.Entries.Select(e => e.Value).Order());
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void RemovingWhileWalkingEntries_RemovesEachEntryOnce()
    {
        // RemoveLocalByTag walks the entries and removes matches in the same loop (under the store lock).
        var table = new EntryTable<ProductKey, string>();
        for (int id = 0; id < 100; id++)
        {
            table.Set(Entry(new ProductKey(id), id % 2 == 0 ? "even" : "odd"));
        }

        int removed = 0;
        foreach (CacheEntry<ProductKey, string> entry in table.Entries)
        {
            if (entry.Value == "even" && table.RemoveExact(entry))
            {
                removed++;
            }
        }

        Assert.Equal(50, removed);
        Assert.Equal(50, table.Count);
        Assert.All(table.Entries, entry => Assert.Equal("odd", entry.Value));
    }

    [Fact]
    public void Clear_RemovesEveryEntry()
    {
        var table = new EntryTable<ProductKey, string>();
        for (int id = 0; id < 100; id++)
        {
            table.Set(Entry(new ProductKey(id), "v"));
        }

        table.Clear();

        Assert.Equal(0, table.Count);
        Assert.Empty(table.Entries);
        Assert.False(table.TryGet(new ProductKey(5), out _));
    }

    [Fact]
    public void ChurnOfFewLiveKeys_ReclaimsTombstones_SoTableStaysSmall()
    {
        var table = new EntryTable<ProductKey, string>();
        for (int round = 0; round < 20_000; round++)
        {
            CacheEntry<ProductKey, string> entry = Entry(new ProductKey(round), "v");
            table.Set(entry);
            table.RemoveExact(entry);
        }

        Assert.Equal(0, table.Count);
        Assert.InRange(table.SlotCount, 16, 64);
        Assert.False(table.TryGet(new ProductKey(19_999), out _));
    }
}
