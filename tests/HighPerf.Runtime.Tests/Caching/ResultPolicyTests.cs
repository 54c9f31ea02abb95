using HighPerf.Caching;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

/// <summary>What gets stored: null, per-result control through Cacheable, negative caching of exceptions.</summary>
[Collection(CachingCollection.Name)]
public sealed class ResultPolicyTests
{
    private static readonly ProductKey Key = new(1);

    private static CachedMethod<ProductKey, string?> NewMethod(bool cacheNull = true, TimeSpan negative = default) => new(new CachedMethodOptions<ProductKey>
    {
        MethodName = CacheTestScope.UniqueMethodName(nameof(ResultPolicyTests)),
        Duration = TimeSpan.FromMinutes(5),
        CacheNull = cacheNull,
        NegativeCacheDuration = negative,
    });

    private static Func<Func<int, Cacheable<string?>>, ProductKey, CancellationToken, ValueTask<Cacheable<string?>>> Factory(Counter counter)
        => (produce, _, _) => new ValueTask<Cacheable<string?>>(produce(counter.Next()));

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public async Task NullResult_IsCachedOnlyWhenCacheNullIsOn(bool cacheNull, int expectedCalls)
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(cacheNull);
        var counter = new Counter();

        for (int i = 0; i < 2; i++)
        {
            Assert.Null(await method.GetOrCreateAsync(Key, static _ => Cacheable.Of<string?>(null), Factory(counter), default));
        }

        Assert.Equal(expectedCalls, counter.Calls);
    }

    [Fact]
    public async Task NotCachedResult_IsReturned_ButNeverStored()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var counter = new Counter();

        string? first = await method.GetOrCreateAsync(Key, static call => Cacheable.NotCached<string?>("partial-" + call), Factory(counter), default);
        string? second = await method.GetOrCreateAsync(Key, static call => Cacheable.NotCached<string?>("partial-" + call), Factory(counter), default);

        Assert.Equal("partial-1", first);
        Assert.Equal("partial-2", second);
        Assert.Equal(0, method.Count);
    }

    [Fact]
    public async Task ForDuration_OverridesMethodDuration()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var counter = new Counter();
        Func<int, Cacheable<string?>> shortLived = static call => Cacheable.For<string?>("short-" + call, TimeSpan.FromSeconds(2));

        Assert.Equal("short-1", await method.GetOrCreateAsync(Key, shortLived, Factory(counter), default));
        scope.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("short-1", await method.GetOrCreateAsync(Key, shortLived, Factory(counter), default));
        scope.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("short-2", await method.GetOrCreateAsync(Key, shortLived, Factory(counter), default));
    }

    [Fact]
    public async Task ForZeroDuration_IsNotStored()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var counter = new Counter();

        await method.GetOrCreateAsync(Key, static call => Cacheable.For<string?>("x", TimeSpan.Zero), Factory(counter), default);

        Assert.Equal(0, method.Count);
    }

    [Fact]
    public void WithTags_AppendsToExistingTags_AndKeepsValueAndDuration()
    {
        Cacheable<string> tagged = Cacheable.For("v", TimeSpan.FromSeconds(3)).WithTags("a").WithTags("b", "c");

        Assert.Equal("v", tagged.Value);
        Assert.Equal(TimeSpan.FromSeconds(3), tagged.Duration);
        Assert.False(tagged.Skip);
        Assert.Equal(["a", "b", "c"], tagged.Tags!);
    }

    [Fact]
    public async Task Exception_WithoutNegativeCaching_RunsFactoryAgainNextCall()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var counter = new Counter();
        Func<int, Cacheable<string?>> failing = static call => throw new TimeoutException("attempt " + call);

        await Assert.ThrowsAsync<TimeoutException>(async () => await method.GetOrCreateAsync(Key, failing, Factory(counter), default));
        await Assert.ThrowsAsync<TimeoutException>(async () => await method.GetOrCreateAsync(Key, failing, Factory(counter), default));

        Assert.Equal(2, counter.Calls);
        Assert.Equal(0, method.Count);
    }

    [Fact]
    public async Task Exception_WithNegativeCaching_IsReplayedUntilNegativeDurationEnds()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(negative: TimeSpan.FromSeconds(5));
        var counter = new Counter();
        Func<int, Cacheable<string?>> failing = static call => throw new TimeoutException("attempt " + call);

        var first = await Assert.ThrowsAsync<TimeoutException>(async () => await method.GetOrCreateAsync(Key, failing, Factory(counter), default));
        var replayed = await Assert.ThrowsAsync<TimeoutException>(async () => await method.GetOrCreateAsync(Key, failing, Factory(counter), default));
        Assert.Equal("attempt 1", first.Message);
        Assert.Equal("attempt 1", replayed.Message);
        Assert.Equal(1, counter.Calls);

        scope.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("ok-2", await method.GetOrCreateAsync(Key, static call => Cacheable.Of<string?>("ok-" + call), Factory(counter), default));
    }

    [Fact]
    public void Exception_WithNegativeCaching_IsReplayedBySyncMethod()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod(negative: TimeSpan.FromSeconds(5));
        int calls = 0;
        Func<int, ProductKey, Cacheable<string?>> failing = (_, _) => throw new TimeoutException("attempt " + ++calls);

        Assert.Equal("attempt 1", Assert.Throws<TimeoutException>(() => method.GetOrCreate(Key, 0, failing)).Message);
        Assert.Equal("attempt 1", Assert.Throws<TimeoutException>(() => method.GetOrCreate(Key, 0, failing)).Message);
        Assert.Equal(1, calls);
    }

    private sealed class Counter
    {
        private int _calls;

        public int Calls => _calls;

        public int Next() => Interlocked.Increment(ref _calls);
    }
}
