using HighPerf.Caching;
using HighPerf.Caching.Expiration;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

/// <summary>The hit path reads the time through HighPerfCaching.NowMilliseconds, which follows the installed clock.</summary>
[Collection(CachingCollection.Name)]
public sealed class HitClockTests
{
    [Fact]
    public void ManualClockInstalled_HitPathTimeFollowsIt()
    {
        using var scope = new CacheTestScope();
        long before = HighPerfCaching.NowMilliseconds();

        scope.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(before + (long)TimeSpan.FromHours(3).TotalMilliseconds, HighPerfCaching.NowMilliseconds());
        Assert.Equal(scope.Environment.Clock.NowMilliseconds(), HighPerfCaching.NowMilliseconds());
    }

    [Fact]
    public void ManualClockUninstalled_HitPathTimeIsCoarseSystemClockAgain()
    {
        var scope = new CacheTestScope();
        scope.Clock.Advance(TimeSpan.FromDays(400));
        long manual = HighPerfCaching.NowMilliseconds();

        scope.Dispose();
        long system = HighPerfCaching.NowMilliseconds();

        Assert.NotEqual(manual, system);
        // The coarse clock lags TickCount64 by at most one tick period (plus scheduling delay of its thread).
        Assert.InRange(Environment.TickCount64 - system, 0, 5_000);
    }

    [Fact]
    public async Task EntryPastDurationUnderInstalledClock_IsRecomputedOnNextHit()
    {
        using var scope = new CacheTestScope();
        var method = new CachedMethod<ProductKey, string>(new CachedMethodOptions<ProductKey>
        {
            MethodName = CacheTestScope.UniqueMethodName(nameof(HitClockTests)),
            Duration = TimeSpan.FromSeconds(30),
        });
        var factory = new CountingFactory();
        await method.GetOrCreateAsync(new ProductKey(1), factory, CountingFactory.Async, default);

        scope.Clock.Advance(TimeSpan.FromSeconds(29));
        string stillCached = method.GetOrCreate(new ProductKey(1), factory, CountingFactory.Sync);
        scope.Clock.Advance(TimeSpan.FromSeconds(1));
        string recomputed = method.GetOrCreate(new ProductKey(1), factory, CountingFactory.Sync);

        Assert.Equal(CountingFactory.Expected(1, 1), stillCached);
        Assert.Equal(CountingFactory.Expected(1, 2), recomputed);
    }
}
