using HighPerf.Generators.Tests.Infrastructure;
using HighPerf.Generators.Tests.TestClasses;

namespace HighPerf.Generators.Tests.Runtime;

/// <summary>A hit on a generated [Cached] method allocates nothing, for T, ValueTask&lt;T&gt; and Task&lt;T&gt; returns.</summary>
[Collection(MetricsCollection.Name)]
public sealed class CachedAllocationTests
{
    private const int Calls = 1_000;
    private readonly CachedCatalog _catalog = new();

    [Fact]
    public void SyncHit_AllocatesZeroBytes()
    {
        long value = CachedCatalog.NextKey();
        _catalog.Square(value, "warm-up");

        long before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (int i = 0; i < Calls; i++)
        {
            sum += _catalog.Square(value, "hit");
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(value * value * Calls, sum);
        Assert.Equal(1, _catalog.Calls);
    }

    [Fact]
    public void ValueTaskHit_AllocatesZeroBytes()
    {
        long id = CachedCatalog.NextKey();
        _ = _catalog.GetProductAsync(id).Result;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            ValueTask<Product?> pending = _catalog.GetProductAsync(id);
            Assert.True(pending.IsCompletedSuccessfully);
            _ = pending.Result;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1, _catalog.Calls);
    }

    [Fact]
    public async Task TaskHit_AllocatesZeroBytes()
    {
        long id = CachedCatalog.NextKey();
        await _catalog.GetStockAsync(id);

        long allocated = Allocations.OfCalls(Calls, () => _ = _catalog.GetStockAsync(id).Result);

        Assert.Equal(0, allocated);
        Assert.Equal(1, _catalog.Calls);
    }

    [Fact]
    public void TrackedAndCachedHit_AllocatesZeroBytes()
    {
        long id = CachedCatalog.NextKey();

        long allocated = Allocations.OfCalls(Calls, () => _ = _catalog.TrackedTwiceAsync(id).Result);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TrackedAndCachedHit_WithAMeterListener_AllocatesZeroBytes()
    {
        using var listener = new CountingMeterListener();
        long id = CachedCatalog.NextKey();

        long allocated = Allocations.OfCalls(Calls, () => _ = _catalog.TrackedTwiceAsync(id).Result);

        Assert.Equal(0, allocated);
        Assert.True(listener.Count >= Calls, $"listener saw {listener.Count} measurements");
    }

    [Fact]
    public void KeyMemberHit_AllocatesZeroBytes()
    {
        long id = CachedCatalog.NextKey();

        long allocated = Allocations.OfCalls(Calls, () => _catalog.Greet(id));

        Assert.Equal(0, allocated);
    }
}
