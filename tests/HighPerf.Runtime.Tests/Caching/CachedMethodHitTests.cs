using Xunit;
using HighPerf.Caching;
using HighPerf.Runtime.Tests.Caching.Support;

namespace HighPerf.Runtime.Tests.Caching;

[Collection(CachingCollection.Name)]
public sealed class CachedMethodHitTests
{
    private static CachedMethod<ProductKey, string> NewMethod(int maxEntries = 100) => new(new CachedMethodOptions<ProductKey>
    {
        MethodName = CacheTestScope.UniqueMethodName(nameof(CachedMethodHitTests)),
        Duration = TimeSpan.FromMinutes(5),
        MaxEntries = maxEntries,
    });

    [Fact]
    public async Task SecondCallWithSameKey_ReturnsCachedValueWithoutRunningFactory()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var factory = new CountingFactory();

        string first = await method.GetOrCreateAsync(new ProductKey(1), factory, CountingFactory.Async, default);
        string second = await method.GetOrCreateAsync(new ProductKey(1), factory, CountingFactory.Async, default);

        Assert.Equal(CountingFactory.Expected(1, 1), first);
        Assert.Equal(first, second);
        Assert.Equal(1, factory.Calls);
        Assert.Equal(1, method.Count);
    }

    [Fact]
    public async Task DifferentKeys_EachRunFactoryOnce()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var factory = new CountingFactory();

        string a = await method.GetOrCreateAsync(new ProductKey(1), factory, CountingFactory.Async, default);
        string b = await method.GetOrCreateAsync(new ProductKey(2), factory, CountingFactory.Async, default);

        Assert.Equal(CountingFactory.Expected(1, 1), a);
        Assert.Equal(CountingFactory.Expected(2, 2), b);
        Assert.Equal(2, method.Count);
    }

    [Fact]
    public async Task TaskHit_ReturnsSameCompletedTaskInstanceEveryTime()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var factory = new CountingFactory();
        await method.GetOrCreateTaskAsync(new ProductKey(1), factory, CountingFactory.Async, default);

        Task<string> first = method.GetOrCreateTaskAsync(new ProductKey(1), factory, CountingFactory.Async, default);
        Task<string> second = method.GetOrCreateTaskAsync(new ProductKey(1), factory, CountingFactory.Async, default);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.Same(first, second);
        Assert.Equal(CountingFactory.Expected(1, 1), await first);
    }

    [Fact]
    public void SyncMethod_CachesAndReturnsValue()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var factory = new CountingFactory();

        string first = method.GetOrCreate(new ProductKey(7), factory, CountingFactory.Sync);
        string second = method.GetOrCreate(new ProductKey(7), factory, CountingFactory.Sync);

        Assert.Equal(CountingFactory.Expected(7, 1), first);
        Assert.Equal(first, second);
        Assert.Equal(1, factory.Calls);
    }

    [Fact]
    public async Task RemoveLocal_ForcesFactoryOnNextCall()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var factory = new CountingFactory();
        await method.GetOrCreateAsync(new ProductKey(1), factory, CountingFactory.Async, default);

        method.RemoveLocal(new ProductKey(1));
        string again = await method.GetOrCreateAsync(new ProductKey(1), factory, CountingFactory.Async, default);

        Assert.Equal(CountingFactory.Expected(1, 2), again);
        Assert.Equal(1, method.Count);
    }

    [Fact]
    public void InvalidOptions_AreRejectedAtConstruction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachedMethod<ProductKey, string>(new CachedMethodOptions<ProductKey>
        {
            MethodName = "Tests.ZeroDuration",
            Duration = TimeSpan.Zero,
        }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachedMethod<ProductKey, string>(new CachedMethodOptions<ProductKey>
        {
            MethodName = "Tests.NoCapacity",
            Duration = TimeSpan.FromSeconds(1),
            MaxEntries = 0,
        }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachedMethod<ProductKey, string>(new CachedMethodOptions<ProductKey>
        {
            MethodName = "Tests.BadJitter",
            Duration = TimeSpan.FromSeconds(1),
            JitterFraction = 1.5,
        }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachedMethod<ProductKey, string>(new CachedMethodOptions<ProductKey>
        {
            MethodName = "Tests.BadRefresh",
            Duration = TimeSpan.FromSeconds(1),
            EagerRefreshThreshold = 1,
        }));
    }
}
