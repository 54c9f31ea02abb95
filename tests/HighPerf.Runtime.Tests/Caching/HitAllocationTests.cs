using Xunit;
using System.Diagnostics.Metrics;
using HighPerf.Caching;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Caching.Support;

namespace HighPerf.Runtime.Tests.Caching;

/// <summary>A hit allocates nothing, with and without a metrics listener, on the system clock and on a custom one.</summary>
[Collection(CachingCollection.Name)]
public sealed class HitAllocationTests
{
    private const int Iterations = 1_000;

    private static CachedMethod<ProductKey, string> NewMethod() => new(new CachedMethodOptions<ProductKey>
    {
        MethodName = CacheTestScope.UniqueMethodName(nameof(HitAllocationTests)),
        Duration = TimeSpan.FromMinutes(5),
        SlidingExpiration = TimeSpan.FromMinutes(1),
    });

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task ValueTaskHit_AllocatesZeroBytes(bool manualClock, bool withListener)
    {
        using var scope = manualClock ? new CacheTestScope() : null;
        using var listener = withListener ? StartListener() : null;
        var method = NewMethod();
        var factory = new CountingFactory();
        var key = new ProductKey(42);
        await method.GetOrCreateAsync(key, factory, CountingFactory.Async, default);

        long allocated = Measure(() =>
        {
            ValueTask<string> hit = method.GetOrCreateAsync(key, factory, CountingFactory.Async, default);
            return hit.IsCompletedSuccessfully && hit.Result is not null;
        });

        Assert.Equal(0, allocated);
        Assert.Equal(1, factory.Calls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TaskHit_AllocatesZeroBytes(bool withListener)
    {
        using var scope = new CacheTestScope();
        using var listener = withListener ? StartListener() : null;
        var method = NewMethod();
        var factory = new CountingFactory();
        var key = new ProductKey(42);
        await method.GetOrCreateTaskAsync(key, factory, CountingFactory.Async, default);

        long allocated = Measure(() => method.GetOrCreateTaskAsync(key, factory, CountingFactory.Async, default).IsCompletedSuccessfully);

        Assert.Equal(0, allocated);
        Assert.Equal(1, factory.Calls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SyncHit_AllocatesZeroBytes(bool withListener)
    {
        using var scope = new CacheTestScope();
        using var listener = withListener ? StartListener() : null;
        var method = NewMethod();
        var factory = new CountingFactory();
        var key = new ProductKey(42);
        method.GetOrCreate(key, factory, CountingFactory.Sync);

        long allocated = Measure(() => method.GetOrCreate(key, factory, CountingFactory.Sync) is not null);

        Assert.Equal(0, allocated);
        Assert.Equal(1, factory.Calls);
    }

    [Fact]
    public async Task Miss_DoesAllocate_SoTheMeasurementCanFail()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var factory = new CountingFactory();
        long id = 0;
        await method.GetOrCreateAsync(new ProductKey(-1), factory, CountingFactory.Async, default);

        long allocated = Measure(() => method.GetOrCreateAsync(new ProductKey(id++), factory, CountingFactory.Async, default).IsCompleted);

        Assert.True(allocated > 0);
    }

    private static long Measure(Func<bool> hit)
    {
        // Warm up: tier the code up and let lazily created state (the entry's completed task) exist first.
        for (int i = 0; i < Iterations; i++)
        {
            Assert.True(hit());
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            hit();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static MeterListener StartListener()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = static (instrument, l) =>
            {
                if (instrument.Meter.Name == HighPerfDiagnostics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        long total = 0;
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total, value));
        listener.Start();
        return listener;
    }
}
