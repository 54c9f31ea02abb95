using HighPerf.Caching;
using HighPerf.Generators.Tests.TestClasses;

namespace HighPerf.Generators.Tests.Runtime;

/// <summary>The generated [Cached] and [InvalidatesCache] bodies of <see cref="CachedCatalog"/>, against the real L1.</summary>
public sealed class CachedBehaviourTests
{
    private readonly CachedCatalog _catalog = new();

    [Fact]
    public async Task SecondCallWithTheSameKey_IsAHit_AndRunsTheImplementationOnce()
    {
        long id = CachedCatalog.NextKey();

        Product? first = await _catalog.GetProductAsync(id);
        Product? second = await _catalog.GetProductAsync(id);

        Assert.Equal(new Product(id, "product " + id), first);
        Assert.Same(first, second);
        Assert.Equal(1, _catalog.Calls);
    }

    [Fact]
    public async Task DifferentKeys_AreMisses_EachRunningTheImplementation()
    {
        long a = CachedCatalog.NextKey();
        long b = CachedCatalog.NextKey();

        Product? first = await _catalog.GetProductAsync(a);
        Product? second = await _catalog.GetProductAsync(b);

        Assert.Equal(a, first!.Id);
        Assert.Equal(b, second!.Id);
        Assert.Equal(2, _catalog.Calls);
    }

    [Fact]
    public async Task AnotherInstance_SharesTheMethodsStore()
    {
        long id = CachedCatalog.NextKey();
        var other = new CachedCatalog();

        Product? first = await _catalog.GetProductAsync(id);
        Product? second = await other.GetProductAsync(id);

        Assert.Same(first, second);
        Assert.Equal(0, other.Calls);
    }

    [Fact]
    public void NotCacheKeyParameter_DoesNotSplitTheKey_AndReachesTheImplementation()
    {
        long value = CachedCatalog.NextKey();

        long first = _catalog.Square(value, "request-1");
        long second = _catalog.Square(value, "request-2");

        Assert.Equal(value * value, first);
        Assert.Equal(first, second);
        Assert.Equal(1, _catalog.Calls);
        Assert.Equal("request-1", _catalog.LastRequestId);
    }

    [Fact]
    public async Task ImplementationThrows_TheExceptionReachesTheCaller_AndIsNotCached()
    {
        long id = CachedCatalog.NextKey();
        _catalog.Failing.Add(id);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await _catalog.GetProductAsync(id));
        _catalog.Failing.Remove(id);
        Product? retried = await _catalog.GetProductAsync(id);

        Assert.Equal("product store down", error.Message);
        Assert.Equal(id, retried!.Id);
        Assert.Equal(2, _catalog.Calls);
    }

    [Fact]
    public void SyncImplementationThrows_IsNotCached()
    {
        long value = CachedCatalog.NextKey();
        _catalog.Failing.Add(value);

        Assert.Throws<InvalidOperationException>(() => _catalog.Square(value, "r"));
        _catalog.Failing.Remove(value);

        Assert.Equal(value * value, _catalog.Square(value, "r"));
        Assert.Equal(2, _catalog.Calls);
    }

    [Fact]
    public async Task CacheableNotCached_IsReturned_ButTheNextCallRunsAgain()
    {
        long even = CachedCatalog.NextKey() * 2;

        string first = await _catalog.DescribeAsync(even);
        string second = await _catalog.DescribeAsync(even);

        Assert.Equal("even " + even, first);
        Assert.Equal(first, second);
        Assert.Equal(2, _catalog.Calls);
    }

    [Fact]
    public async Task CacheableFor_IsStored()
    {
        long odd = (CachedCatalog.NextKey() * 2) + 1;

        string first = await _catalog.DescribeAsync(odd);
        string second = await _catalog.DescribeAsync(odd);

        Assert.Equal("odd " + odd, first);
        Assert.Same(first, second);
        Assert.Equal(1, _catalog.Calls);
    }

    [Fact]
    public async Task TaskOfTHit_ReturnsTheSameCompletedTask()
    {
        long id = CachedCatalog.NextKey();
        Assert.Equal((int)id * 10, await _catalog.GetStockAsync(id));

        Task<int> first = _catalog.GetStockAsync(id);
        Task<int> second = _catalog.GetStockAsync(id);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.Same(first, second);
        Assert.Equal(1, _catalog.Calls);
    }

    [Fact]
    public void KeyMember_SeparatesInstancesWithDifferentValues()
    {
        long id = CachedCatalog.NextKey();
        var south = new CachedCatalog { Tenant = "south" };
        var northAgain = new CachedCatalog { Tenant = "north" };

        Assert.Equal("north " + id, _catalog.Greet(id));
        Assert.Equal("south " + id, south.Greet(id));
        Assert.Equal("north " + id, northAgain.Greet(id));

        Assert.Equal(1, _catalog.Calls);
        Assert.Equal(1, south.Calls);
        Assert.Equal(0, northAgain.Calls);
    }

    [Fact]
    public async Task CacheNullFalse_NullResultIsNotStored()
    {
        long id = CachedCatalog.NextKey();

        Assert.Null(await _catalog.FindMissingAsync(id));
        Assert.Null(await _catalog.FindMissingAsync(id));

        Assert.Equal(2, _catalog.Calls);
    }

    [Fact]
    public void NegativeCacheSeconds_ReplaysTheExceptionWithoutRunningAgain()
    {
        long value = CachedCatalog.NextKey();

        var first = Assert.Throws<InvalidOperationException>(() => _catalog.Risky(value));
        var second = Assert.Throws<InvalidOperationException>(() => _catalog.Risky(value));

        Assert.Equal("risky " + value, first.Message);
        Assert.Equal(first.Message, second.Message);
        Assert.Equal(1, _catalog.Calls);
    }

    [Fact]
    public async Task StaticCachedMethod_HitsAcrossCalls()
    {
        long id = CachedCatalog.NextKey();

        string first = CachedCatalog.Label(id);
        string second = CachedCatalog.Label(id);
        await CachedCatalog.InvalidateLabel(id);
        string third = CachedCatalog.Label(id);

        Assert.Same(first, second);
        Assert.NotEqual(first, third);
    }

    [Fact]
    public async Task TrackPerformanceAroundCached_ReturnsTheCachedResult()
    {
        long id = CachedCatalog.NextKey();

        long first = await _catalog.TrackedTwiceAsync(id);
        long second = await _catalog.TrackedTwiceAsync(id);

        Assert.Equal(id * 2, first);
        Assert.Equal(first, second);
        Assert.Equal(1, _catalog.Calls);
    }
}
