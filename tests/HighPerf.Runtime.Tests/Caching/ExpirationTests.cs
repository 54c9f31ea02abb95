using HighPerf.Caching;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

[Collection(CachingCollection.Name)]
public sealed class ExpirationTests
{
    private static readonly ProductKey Key = new(1);

    private static CachedMethod<ProductKey, string> NewMethod(TimeSpan duration, TimeSpan? sliding = null, double jitter = 0, int maxEntries = 1_000)
        => new(new CachedMethodOptions<ProductKey>
        {
            MethodName = CacheTestScope.UniqueMethodName(nameof(ExpirationTests)),
            Duration = duration,
            SlidingExpiration = sliding,
            JitterFraction = jitter,
            MaxEntries = maxEntries,
        });

    [Fact]
    public async Task EntryBeforeDuration_IsHit_AndAfterDuration_IsRecomputed()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(TimeSpan.FromSeconds(10));
        var factory = new CountingFactory();
        await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default);

        scope.Clock.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Equal(CountingFactory.Expected(1, 1), await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default));

        scope.Clock.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(CountingFactory.Expected(1, 2), await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default));
    }

    [Fact]
    public async Task SlidingExpiration_KeepsReadEntryAlive_UntilAbsoluteDuration()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(TimeSpan.FromSeconds(60), sliding: TimeSpan.FromSeconds(10));
        var factory = new CountingFactory();
        await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default);

        for (int i = 0; i < 5; i++)
        {
            scope.Clock.Advance(TimeSpan.FromSeconds(8));
            Assert.Equal(CountingFactory.Expected(1, 1), await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default));
        }

        scope.Clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(CountingFactory.Expected(1, 2), await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default));
    }

    [Fact]
    public async Task SlidingExpiration_ExpiresEntryNotReadWithinWindow()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(TimeSpan.FromSeconds(60), sliding: TimeSpan.FromSeconds(10));
        var factory = new CountingFactory();
        await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default);

        scope.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(CountingFactory.Expected(1, 2), await method.GetOrCreateAsync(Key, factory, CountingFactory.Async, default));
    }

    [Fact]
    public async Task Jitter_SpreadsExpirations_WithinConfiguredFraction()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(TimeSpan.FromSeconds(100), jitter: 0.5);
        var factory = new CountingFactory();
        const int keys = 200;
        var firstValues = new string[keys];
        for (int i = 0; i < keys; i++)
        {
            firstValues[i] = await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
        }

        var expiredAtSecond = new int?[keys];
        for (int second = 1; second <= 100; second++)
        {
            scope.Clock.Advance(TimeSpan.FromSeconds(1));
            for (int i = 0; i < keys; i++)
            {
                if (expiredAtSecond[i] is null
                    && await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default) != firstValues[i])
                {
                    expiredAtSecond[i] = second;
                }
            }
        }

        // Lifetimes lie within [50 s, 100 s]: jitter only shortens, by at most half.
        Assert.All(expiredAtSecond, second => Assert.InRange(second!.Value, 50, 100));
        int distinctSeconds = expiredAtSecond.Distinct().Count();
        Assert.True(distinctSeconds > 10, $"expirations fell on only {distinctSeconds} distinct seconds");
    }

    [Fact]
    public async Task NoJitter_AllEntriesWrittenTogether_ExpireTogether()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(TimeSpan.FromSeconds(100));
        var factory = new CountingFactory();
        for (int i = 0; i < 20; i++)
        {
            await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
        }

        scope.Clock.Advance(TimeSpan.FromSeconds(99));
        for (int i = 0; i < 20; i++)
        {
            await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
        }

        Assert.Equal(20, factory.Calls);
        scope.Clock.Advance(TimeSpan.FromSeconds(1));
        for (int i = 0; i < 20; i++)
        {
            await method.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
        }

        Assert.Equal(40, factory.Calls);
    }
}
