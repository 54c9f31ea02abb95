using HighPerf;
using Microsoft.Extensions.Logging;

namespace HighPerf.Generators.Tests.TestClasses;

/// <summary>User code compiled with the generator: one tracked method per supported return shape.</summary>
public sealed partial class TrackedCalls(ILogger logger)
{
    public int CoreCalls { get; private set; }

    [TrackPerformance]
    public partial int Add(int a, int b);

    private int AddCore(int a, int b)
    {
        CoreCalls++;
        return a + b;
    }

    [TrackPerformance]
    public partial void Touch();

    private void TouchCore() => CoreCalls++;

    [TrackPerformance]
    public partial Task<string> EchoTaskAsync(string value, bool yield);

    private async Task<string> EchoTaskAsyncCore(string value, bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }

        return value;
    }

    [TrackPerformance]
    public partial Task PauseAsync(int milliseconds);

    private Task PauseAsyncCore(int milliseconds) => Task.Delay(milliseconds);

    [TrackPerformance]
    public partial ValueTask<int> DoubleAsync(int value, bool yield);

    private async ValueTask<int> DoubleAsyncCore(int value, bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }

        return value * 2;
    }

    /// <summary>The same body as <see cref="DoubleAsync"/>, untracked: the allocation baseline.</summary>
    public async ValueTask<int> DoubleUntrackedAsync(int value, bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }

        return value * 2;
    }

    [TrackPerformance]
    public partial ValueTask FlushAsync(CancellationToken cancellationToken);

    private async ValueTask FlushAsyncCore(CancellationToken cancellationToken) =>
        await Task.Delay(Timeout.Infinite, cancellationToken);

    [TrackPerformance]
    public partial int Fail(string message);

    private int FailCore(string message) => throw new InvalidOperationException(message);

    [TrackPerformance]
    public partial ValueTask<int> FailLaterAsync(string message);

    private async ValueTask<int> FailLaterAsyncCore(string message)
    {
        await Task.Yield();
        throw new TimeoutException(message);
    }

    [TrackPerformance(SlowThresholdMilliseconds = 20)]
    public partial Task<int> SlowAsync(int milliseconds);

    private async Task<int> SlowAsyncCore(int milliseconds)
    {
        await Task.Delay(milliseconds);
        return milliseconds;
    }

    [TrackPerformance(Implementation = nameof(ComputeSquare))]
    public static partial long Square(long value);

    private static long ComputeSquare(long value) => value * value;
}
