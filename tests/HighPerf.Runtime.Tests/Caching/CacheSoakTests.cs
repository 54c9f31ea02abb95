using HighPerf.Caching;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

/// <summary>Eight threads hammer a small cache with gets and removals, then the store must still be consistent.</summary>
[Collection(CachingCollection.Name)]
public sealed class CacheSoakTests
{
    private const int Threads = 8;
    private const int OperationsPerThread = 50_000;
    private const int MaxEntries = 64;
    private const int KeySpace = 256;

    private static readonly Func<int, ProductKey, CancellationToken, ValueTask<Cacheable<string>>> AsyncFactory =
        static (_, key, _) => new ValueTask<Cacheable<string>>(Cacheable.Of(Expected(key)));

    private static readonly Func<int, ProductKey, Cacheable<string>> SyncFactory = static (_, key) => Cacheable.Of(Expected(key));

    private const string NotInCache = "not-in-cache";

    private static string Expected(ProductKey key) => "value-" + key.Id;

    [Fact]
    public async Task MixedGetsAndRemovals_FromEightThreads_LeaveStoreBoundedAndConsistent()
    {
        using var scope = new CacheTestScope();
        var method = new CachedMethod<ProductKey, string>(new CachedMethodOptions<ProductKey>
        {
            MethodName = CacheTestScope.UniqueMethodName(nameof(CacheSoakTests)),
            Duration = TimeSpan.FromHours(1),
            MaxEntries = MaxEntries,
        });

        int wrongValues = 0;
        Task[] workers = Enumerable.Range(0, Threads).Select(thread => Task.Run(async () =>
        {
            var random = new Random(thread);
            for (int i = 0; i < OperationsPerThread; i++)
            {
                // Skewed keys: a hot head that S3-FIFO keeps, and a long tail that churns.
                var key = new ProductKey(random.Next(4) == 0 ? random.Next(KeySpace) : random.Next(16));
                int operation = random.Next(10);
                string? value = operation switch
                {
                    0 => Remove(method, key),
                    1 => method.GetOrCreate(key, 0, SyncFactory),
                    2 => await method.GetOrCreateTaskAsync(key, 0, AsyncFactory, default),
                    _ => await method.GetOrCreateAsync(key, 0, AsyncFactory, default),
                };
                if (value is not null && value != Expected(key))
                {
                    Interlocked.Increment(ref wrongValues);
                }

                if (i % 10_000 == 0)
                {
                    // Moves time (sliding state, expiry checks) while staying inside the hour, so every entry stays fresh.
                    scope.Clock.Advance(TimeSpan.FromSeconds(10));
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal(0, wrongValues);
        int countAfterSoak = method.Count;
        Assert.InRange(countAfterSoak, 1, MaxEntries);

        // Integrity: every key the store answers for carries factory(key), and those keys are exactly Count.
        // The walk never stores (NotCached), so it does not change what it inspects.
        int cachedKeys = 0;
        for (int id = 0; id < KeySpace; id++)
        {
            var key = new ProductKey(id);
            string value = method.GetOrCreate(key, 0, static (_, _) => Cacheable.NotCached(NotInCache));
            if (value != NotInCache)
            {
                Assert.Equal(Expected(key), value);
                cachedKeys++;
            }
        }

        Assert.Equal(countAfterSoak, cachedKeys);
        Assert.Equal(countAfterSoak, method.Count);
    }

    private static string? Remove(CachedMethod<ProductKey, string> method, ProductKey key)
    {
        method.RemoveLocal(key);
        return null;
    }
}
