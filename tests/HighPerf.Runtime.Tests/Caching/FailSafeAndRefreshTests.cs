using HighPerf.Caching;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

[Collection(CachingCollection.Name)]
public sealed class FailSafeAndRefreshTests
{
    private static readonly ProductKey Key = new(1);

    private static CachedMethod<ProductKey, string> NewMethod(TimeSpan failSafe = default, double eagerRefresh = 0) => new(new CachedMethodOptions<ProductKey>
    {
        MethodName = CacheTestScope.UniqueMethodName(nameof(FailSafeAndRefreshTests)),
        Duration = TimeSpan.FromSeconds(10),
        FailSafeWindow = failSafe,
        EagerRefreshThreshold = eagerRefresh,
    });

    private static readonly Func<SwitchableFactory, ProductKey, CancellationToken, ValueTask<Cacheable<string>>> Factory =
        static (factory, key, _) => factory.RunAsync(key);

    [Fact]
    public async Task FactoryFailsInsideFailSafeWindow_ReturnsStaleValue_AndCountsIt()
    {
        using var scope = new CacheTestScope();
        using var metrics = new CacheMetricsRecorder();
        var method = NewMethod(failSafe: TimeSpan.FromMinutes(1));
        var factory = new SwitchableFactory();
        await method.GetOrCreateAsync(Key, factory, Factory, default);

        scope.Clock.Advance(TimeSpan.FromSeconds(30));
        factory.Fail = true;
        string value = await method.GetOrCreateAsync(Key, factory, Factory, default);

        Assert.Equal("v1", value);
        Assert.Equal(2, factory.Calls);
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheFailSafeUses, method.MethodName));
    }

    [Fact]
    public async Task FactoryFailsAfterFailSafeWindow_Throws()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(failSafe: TimeSpan.FromSeconds(5));
        var factory = new SwitchableFactory();
        await method.GetOrCreateAsync(Key, factory, Factory, default);

        scope.Clock.Advance(TimeSpan.FromSeconds(16));
        factory.Fail = true;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await method.GetOrCreateAsync(Key, factory, Factory, default));
    }

    [Fact]
    public async Task FailSafeOff_ExpiredEntryIsNotServed()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var factory = new SwitchableFactory();
        await method.GetOrCreateAsync(Key, factory, Factory, default);

        scope.Clock.Advance(TimeSpan.FromSeconds(11));
        factory.Fail = true;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await method.GetOrCreateAsync(Key, factory, Factory, default));
    }

    [Fact]
    public async Task HitAfterRefreshThreshold_RefreshesOnceInBackground_AndServesCurrentValueMeanwhile()
    {
        using var scope = new CacheTestScope();
        using var metrics = new CacheMetricsRecorder();
        var method = NewMethod(eagerRefresh: 0.8);
        var factory = new SwitchableFactory { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        factory.Gate.SetResult();
        await method.GetOrCreateAsync(Key, factory, Factory, default);
        factory.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        scope.Clock.Advance(TimeSpan.FromSeconds(8.5));
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal("v1", await method.GetOrCreateAsync(Key, factory, Factory, default));
        }

        await factory.WaitForCallsAsync(2);
        factory.Gate.SetResult();
        await Eventually.WaitUntilAsync(async () => await method.GetOrCreateAsync(Key, factory, Factory, default) == "v2");

        Assert.Equal(2, factory.Calls);
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheEagerRefreshes, method.MethodName));

        // The refreshed entry got a full lifetime: still a hit where the old one would have expired.
        scope.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("v2", await method.GetOrCreateAsync(Key, factory, Factory, default));
        Assert.Equal(2, factory.Calls);
    }

    [Fact]
    public async Task SyncMethodHitAfterRefreshThreshold_RefreshesInBackground()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(eagerRefresh: 0.5);
        int calls = 0;
        Func<int, ProductKey, Cacheable<string>> factory = (_, _) => Cacheable.Of("s" + Interlocked.Increment(ref calls));
        Assert.Equal("s1", method.GetOrCreate(Key, 0, factory));

        scope.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("s1", method.GetOrCreate(Key, 0, factory));
        await Eventually.WaitUntilAsync(() => Task.FromResult(method.GetOrCreate(Key, 0, factory) == "s2"));

        Assert.Equal(2, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task HitBeforeRefreshThreshold_DoesNotRefresh()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(eagerRefresh: 0.8);
        var factory = new SwitchableFactory();
        await method.GetOrCreateAsync(Key, factory, Factory, default);

        scope.Clock.Advance(TimeSpan.FromSeconds(7.9));
        Assert.Equal("v1", await method.GetOrCreateAsync(Key, factory, Factory, default));

        Assert.Equal(1, factory.Calls);
    }

    [Fact]
    public async Task FailedBackgroundRefresh_KeepsServingCurrentValue_AndIsNotRetriedForSameEntry()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(eagerRefresh: 0.5);
        var factory = new SwitchableFactory();
        await method.GetOrCreateAsync(Key, factory, Factory, default);
        factory.Fail = true;

        scope.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("v1", await method.GetOrCreateAsync(Key, factory, Factory, default));
        await factory.WaitForCallsAsync(2);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal("v1", await method.GetOrCreateAsync(Key, factory, Factory, default));
        }

        Assert.Equal(2, factory.Calls);
    }

    private sealed class SwitchableFactory
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public bool Fail { get; set; }

        public TaskCompletionSource? Gate { get; set; }

        public async ValueTask<Cacheable<string>> RunAsync(ProductKey key)
        {
            int call = Interlocked.Increment(ref _calls);
            if (Gate is { } gate)
            {
                await gate.Task;
            }

            return Fail ? throw new InvalidOperationException("source down") : Cacheable.Of("v" + call);
        }

        public async Task WaitForCallsAsync(int calls)
        {
            for (int i = 0; i < 5_000 && Calls < calls; i++)
            {
                await Task.Delay(1);
            }

            Assert.Equal(calls, Calls);
        }
    }
}
