using HighPerf.Caching.L1;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

/// <summary>
/// Lock-free readers against one writer that grows, shrinks, replaces and removes: a key that is never removed must
/// be found on every read, and a read must never return the entry of another key.
/// </summary>
public sealed class EntryTableConcurrencyTests
{
    private const int StableKeys = 64;
    private const int ChurnKeys = 4_096;
    private const int WriterRounds = 24;
    private const int Readers = 3;
    private const int MinimumReadsPerReader = 100_000;

    private static CacheEntry<ProductKey, string> Entry(long id, string value) =>
        new(new ProductKey(id), value, error: null, now: 0, lifetime: 60_000, slidingMilliseconds: 0, refreshAfter: long.MaxValue, tags: null, formattedKey: null);

    private static string Expected(long id) => "v" + id;

    [Fact]
    public async Task ReadersDuringGrowthRemovalAndReplacement_AlwaysFindStableKeys_AndNeverAnotherKeysEntry()
    {
        var table = new EntryTable<ProductKey, string>();
        for (long id = 0; id < StableKeys; id++)
        {
            table.Set(Entry(id, Expected(id)));
        }

        int stableMisses = 0;
        int wrongEntries = 0;
        long reads = 0;
        using var writerDone = new CancellationTokenSource();
        using var readersStarted = new CountdownEvent(Readers);

        Task[] readers = Enumerable.Range(0, Readers).Select(reader => Task.Run(() =>
        {
            var random = new Random(reader);
            long localReads = 0;
            readersStarted.Signal();
            while (!writerDone.IsCancellationRequested || localReads < MinimumReadsPerReader)
            {
                long id = random.Next(2) == 0 ? random.Next(StableKeys) : StableKeys + random.Next(ChurnKeys);
                if (table.TryGet(new ProductKey(id), out CacheEntry<ProductKey, string>? found))
                {
                    if (found.Key.Id != id || found.Value != Expected(id))
                    {
                        Interlocked.Increment(ref wrongEntries);
                    }
                }
                else if (id < StableKeys)
                {
                    Interlocked.Increment(ref stableMisses);
                }

                localReads++;
            }

            Interlocked.Add(ref reads, localReads);
        })).ToArray();

        Task writer = Task.Run(() =>
        {
            // On a busy machine the writer could otherwise finish before any reader is scheduled.
            Assert.True(readersStarted.Wait(TimeSpan.FromMinutes(1)));
            var live = new List<CacheEntry<ProductKey, string>>();
            for (int round = 0; round < WriterRounds; round++)
            {
                // Grow: thousands of inserts force several rebuilds while readers probe the old arrays.
                for (long id = StableKeys; id < StableKeys + ChurnKeys; id++)
                {
                    CacheEntry<ProductKey, string> entry = Entry(id, Expected(id));
                    table.Set(entry);
                    live.Add(entry);
                }

                // Replace every stable key in place.
                for (long id = 0; id < StableKeys; id++)
                {
                    table.Set(Entry(id, Expected(id)));
                }

                // Shrink: remove all churn keys, leaving tombstones for the next rebuild to drop.
                foreach (CacheEntry<ProductKey, string> entry in live)
                {
                    Assert.True(table.RemoveExact(entry));
                }

                live.Clear();
            }
        });

        await writer;
        writerDone.Cancel();
        await Task.WhenAll(readers);

        Assert.Equal(0, wrongEntries);
        Assert.Equal(0, stableMisses);
        Assert.True(reads >= Readers * MinimumReadsPerReader);
        Assert.Equal(StableKeys, table.Count);
        for (long id = 0; id < StableKeys; id++)
        {
            Assert.True(table.TryGet(new ProductKey(id), out _));
        }
    }
}
