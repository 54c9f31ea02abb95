using HighPerf.Caching;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

/// <summary>The S3-FIFO policy seen from outside: bounded size, scan resistance, ghost readmission.</summary>
[Collection(CachingCollection.Name)]
public sealed class EvictionTests
{
    private static CachedMethod<ProductKey, string> NewMethod(int maxEntries) => new(new CachedMethodOptions<ProductKey>
    {
        MethodName = CacheTestScope.UniqueMethodName(nameof(EvictionTests)),
        Duration = TimeSpan.FromMinutes(5),
        MaxEntries = maxEntries,
    });

    [Fact]
    public async Task InsertingBeyondMaxEntries_KeepsCountAtMaxEntries_AndCountsEvictions()
    {
        using var scope = new CacheTestScope();
        using var metrics = new CacheMetricsRecorder();
        var method = NewMethod(maxEntries: 50);
        var factory = new CountingFactory();

        for (int i = 0; i < 500; i++)
        {
            await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
            Assert.True(method.Count <= 50);
        }

        Assert.Equal(50, method.Count);
        Assert.Equal(450, metrics.Sum(HighPerfDiagnostics.CacheEvictions, method.MethodName,
            HighPerfDiagnostics.CacheEvictionReasonTag, HighPerfDiagnostics.CacheEvictionCapacity));
    }

    [Fact]
    public async Task ScanOfOneHitKeys_DoesNotEvictHotKeys()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(maxEntries: 100);
        var factory = new CountingFactory();
        const int hotKeys = 50;
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < hotKeys; i++)
            {
                await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
            }
        }

        // Ten times the capacity, each key read once.
        for (int i = 10_000; i < 11_000; i++)
        {
            await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
        }

        int callsBefore = factory.Calls;
        for (int i = 0; i < hotKeys; i++)
        {
            await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
        }

        Assert.Equal(callsBefore, factory.Calls);
        Assert.Equal(100, method.Count);
    }

    [Fact]
    public async Task KeyEvictedOnceAndRequestedAgain_IsReadmittedToMain_AndSurvivesNextScan()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(maxEntries: 20);
        var factory = new CountingFactory();
        var returning = new ProductKey(-1);

        await method.GetOrCreateAsync(returning, factory, CountingFactory.Async, default);
        for (int i = 0; i < 20; i++)
        {
            await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
        }

        // Evicted from the small queue (read once), remembered by the ghost queue: this miss readmits it to main.
        int callsBeforeReturn = factory.Calls;
        await method.GetOrCreateAsync(returning, factory, CountingFactory.Async, default);
        Assert.Equal(callsBeforeReturn + 1, factory.Calls);

        for (int i = 100; i < 200; i++)
        {
            await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
        }

        int callsBeforeCheck = factory.Calls;
        await method.GetOrCreateAsync(returning, factory, CountingFactory.Async, default);
        Assert.Equal(callsBeforeCheck, factory.Calls);
    }

    [Fact]
    public async Task ExpiredEntries_AreEvictedBeforeFreshOnes_AndCountedAsExpired()
    {
        using var scope = new CacheTestScope();
        using var metrics = new CacheMetricsRecorder();
        var method = NewMethod(maxEntries: 10);
        var factory = new CountingFactory();
        for (int i = 0; i < 10; i++)
        {
            await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
            await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
        }

        scope.Clock.Advance(TimeSpan.FromMinutes(6));
        await method.GetOrCreateAsync(new ProductKey(100), factory, CountingFactory.Async, default);

        Assert.Equal(10, method.Count);
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheEvictions, method.MethodName,
            HighPerfDiagnostics.CacheEvictionReasonTag, HighPerfDiagnostics.CacheEvictionExpired));
    }

    [Fact]
    public async Task RemovingAndReaddingManyTimes_KeepsCountExact()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(maxEntries: 10);
        var factory = new CountingFactory();

        for (int round = 0; round < 100; round++)
        {
            for (int i = 0; i < 5; i++)
            {
                await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
                method.RemoveLocal(new ProductKey(i));
            }
        }

        Assert.Equal(0, method.Count);
        await method.GetOrCreateAsync(new ProductKey(1), factory, CountingFactory.Async, default);
        Assert.Equal(1, method.Count);
        Assert.Equal(501, factory.Calls);
    }
}
