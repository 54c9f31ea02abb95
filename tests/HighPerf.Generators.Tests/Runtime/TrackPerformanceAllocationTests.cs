using HighPerf.Generators.Tests.Infrastructure;
using HighPerf.Generators.Tests.TestClasses;

namespace HighPerf.Generators.Tests.Runtime;

/// <summary>With a listener attached, measuring a call must allocate nothing on top of the user's own code.</summary>
[Collection(MetricsCollection.Name)]
public sealed class TrackPerformanceAllocationTests
{
    private const int Calls = 1_000;
    private readonly TrackedCalls _calls = new(new ListLogger());

    [Fact]
    public void SyncCall_WithListener_AllocatesZeroBytes()
    {
        using var listener = new CountingMeterListener();

        long allocated = Allocations.OfCalls(Calls, () =>
        {
            _calls.Add(2, 1);
            _calls.Touch();
        });

        Assert.Equal(0, allocated);
        Assert.True(listener.Count >= Calls * 2 * 2, $"listener saw {listener.Count} measurements");
    }

    [Fact]
    public void ValueTaskCompletedSynchronously_WithListener_AllocatesZeroBytes()
    {
        using var listener = new CountingMeterListener();

        long allocated = Allocations.OfCalls(Calls, () => _ = _calls.DoubleAsync(21, yield: false).Result);

        Assert.Equal(0, allocated);
        Assert.True(listener.Count >= Calls);
    }

    [Fact]
    public async Task ValueTaskCompletingAsynchronously_AllocatesNoMoreThanTheUntrackedMethod()
    {
        using var listener = new CountingMeterListener();
        for (int i = 0; i < 200; i++)
        {
            await _calls.DoubleAsync(i, yield: true);
            await _calls.DoubleUntrackedAsync(i, yield: true);
        }

        long untracked = await MeasureAsync(i => _calls.DoubleUntrackedAsync(i, yield: true));
        long tracked = await MeasureAsync(i => _calls.DoubleAsync(i, yield: true));

        // Both run the same user body; the pooled state machine of the generated wrapper must not add
        // a per-call allocation. A small slack absorbs thread-pool bookkeeping outside our control.
        double extraPerCall = (tracked - untracked) / (double)Calls;
        Assert.True(extraPerCall < 16, $"tracked {tracked} B vs untracked {untracked} B: {extraPerCall:F1} B extra per call");
    }

    private static async Task<long> MeasureAsync(Func<int, ValueTask<int>> call)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < Calls; i++)
        {
            await call(i);
        }

        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}
