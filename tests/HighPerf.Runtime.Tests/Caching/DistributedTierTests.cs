using HighPerf.Caching;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

/// <summary>The L2 orchestration of the miss path, against an in-memory ICacheL2.</summary>
[Collection(CachingCollection.Name)]
public sealed class DistributedTierTests
{
    private static readonly ProductKey Key = new(1);

    private static CachedMethod<ProductKey, string> NewMethod(bool formatKey = true) => new(new CachedMethodOptions<ProductKey>
    {
        MethodName = CacheTestScope.UniqueMethodName(nameof(DistributedTierTests)),
        Duration = TimeSpan.FromMinutes(5),
        FormatKey = formatKey ? ProductKey.Format : null,
        FormatTags = static key => ["product:" + key.Id, "catalog"],
    });

    [Fact]
    public async Task L1Miss_L2Hit_ReturnsL2Value_WithoutRunningFactory_AndFillsL1()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2);
        using var metrics = new CacheMetricsRecorder();
        var method = NewMethod();
        var factory = new CountingFactory();
        l2.Seed("product:1", "from-l2", scope.Clock.GetUtcNow().AddMinutes(5));

        Assert.Equal("from-l2", await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default));
        Assert.Equal("from-l2", await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default));

        Assert.Equal(0, factory.Calls);
        Assert.Equal(1, l2.Reads);
        Assert.Equal(1, method.Count);
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheHits, method.MethodName, HighPerfDiagnostics.CacheTierTag, HighPerfDiagnostics.CacheTierL2));
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheHits, method.MethodName, HighPerfDiagnostics.CacheTierTag, HighPerfDiagnostics.CacheTierL1));
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheMisses, method.MethodName, HighPerfDiagnostics.CacheTierTag, HighPerfDiagnostics.CacheTierL1));
    }

    [Fact]
    public async Task BothTiersMiss_RunsFactory_AndWritesL2WithDurationAndAllTags()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2);
        using var metrics = new CacheMetricsRecorder();
        var method = NewMethod();
        Func<int, ProductKey, CancellationToken, ValueTask<Cacheable<string>>> factory =
            static (_, key, _) => new ValueTask<Cacheable<string>>(Cacheable.Of("fresh-" + key.Id).WithTags("brand:7"));

        Assert.Equal("fresh-1", await method.GetOrCreateAsync(Key, 0, factory, default));

        var written = l2.Entries["product:1"];
        Assert.Equal("\"fresh-1\"", written.Json);
        Assert.Equal(TimeSpan.FromMinutes(5), written.Duration);
        Assert.Equal(scope.Clock.GetUtcNow().AddMinutes(5), written.EnvelopeExpiresAt);
        Assert.Equal(["product:1", "catalog", "brand:7"], written.EnvelopeTags!);
        Assert.Equal(["product:1", "catalog", "brand:7", "highperf:method:" + method.MethodName], written.Tags!);
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheMisses, method.MethodName, HighPerfDiagnostics.CacheTierTag, HighPerfDiagnostics.CacheTierL2));
    }

    [Fact]
    public async Task NotCachedResult_IsWrittenToNeitherTier()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2);
        var method = NewMethod();

        await method.GetOrCreateAsync(Key, 0, static (_, _, _) => new ValueTask<Cacheable<string>>(Cacheable.NotCached("partial")), default);

        Assert.Empty(l2.Entries);
        Assert.Equal(0, method.Count);
    }

    [Fact]
    public async Task L2Throwing_CallerStillGetsFactoryValue_AndL1Caches()
    {
        var l2 = new InMemoryCacheL2 { Broken = new TimeoutException("redis down") };
        using var scope = new CacheTestScope(l2);
        var method = NewMethod();
        var factory = new CountingFactory();

        Assert.Equal(CountingFactory.Expected(1, 1), await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default));
        Assert.Equal(CountingFactory.Expected(1, 1), await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default));

        Assert.Equal(1, l2.Reads);
        Assert.Equal(1, method.Count);
    }

    [Fact]
    public async Task WithoutFormatKey_L2IsNeverAsked()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2);
        var method = NewMethod(formatKey: false);
        var factory = new CountingFactory();

        await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default);

        Assert.Equal(0, l2.Reads);
        Assert.Empty(l2.Entries);
        Assert.Equal(1, factory.Calls);
    }

    [Fact]
    public void SyncMethod_SkipsL2()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2);
        var method = NewMethod();
        var factory = new CountingFactory();
        l2.Seed("product:1", "from-l2", scope.Clock.GetUtcNow().AddMinutes(5));

        Assert.Equal(CountingFactory.Expected(1, 1), method.GetOrCreate(Key, factory, CountingFactory.Sync));

        Assert.Equal(0, l2.Reads);
    }

    [Fact]
    public async Task RemoveAsync_ClearsL1AndL2_AndPublishesKeyInvalidation()
    {
        var l2 = new InMemoryCacheL2();
        var backplane = new InMemoryBackplane();
        using var scope = new CacheTestScope(l2, backplane);
        var method = NewMethod();
        var factory = new CountingFactory();
        await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default);

        await method.RemoveAsync(Key);

        Assert.Equal(0, method.Count);
        Assert.False(l2.Entries.ContainsKey("product:1"));
        var message = Assert.Single(backplane.Published);
        Assert.Equal(HighPerf.Caching.Distributed.CacheInvalidationKind.Key, message.Kind);
        Assert.Equal(method.MethodName, message.MethodName);
        Assert.Equal("product:1", message.Key);
        Assert.Equal("node-under-test", message.OriginNodeId);
        Assert.Equal(CountingFactory.Expected(1, 2), await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default));
    }

    [Fact]
    public async Task RemoveAsyncWithoutFormatKey_RemovesLocallyOnly()
    {
        var l2 = new InMemoryCacheL2();
        var backplane = new InMemoryBackplane();
        using var scope = new CacheTestScope(l2, backplane);
        var method = NewMethod(formatKey: false);
        await method.GetOrCreateAsync(Key, new CountingFactory(), CountingFactory.Async, default);
        l2.Seed("product:1", "unrelated", scope.Clock.GetUtcNow().AddMinutes(1));

        await method.RemoveAsync(Key);

        Assert.Equal(0, method.Count);
        Assert.True(l2.Entries.ContainsKey("product:1"));
        Assert.Empty(backplane.Published);
    }

    [Fact]
    public async Task RemoveDuringFactoryRun_ResultIsReturnedButNotStored()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2);
        var method = NewMethod();
        var factory = new GatedFactory();

        ValueTask<string> pending = method.GetOrCreateAsync(Key, factory, GatedFactory.Async, default);
        await factory.Entered;
        await method.RemoveAsync(Key);
        factory.Release();

        Assert.Equal(CountingFactory.Expected(1, 1), await pending);
        Assert.Equal(0, method.Count);
        Assert.Empty(l2.Entries);
    }
}
