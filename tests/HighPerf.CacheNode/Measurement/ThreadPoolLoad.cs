using System.Diagnostics;

namespace HighPerf.CacheNode.Measurement;

/// <summary>
/// A busy application inside a node: <c>workItems</c> CPU-bound work items (about half a millisecond each) that
/// queue themselves again as soon as they finish, so the node's thread pool always has a queue, as under request
/// traffic. Anything on the invalidation path that waits for a pool thread waits behind them.
/// </summary>
public sealed class ThreadPoolLoad : IDisposable
{
    private static readonly long SliceTicks = Stopwatch.Frequency / 2_000;
    private volatile bool _stopped;

    private ThreadPoolLoad(int workItems)
    {
        for (int i = 0; i < workItems; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static load => load.RunSlice(), this, preferLocal: false);
        }
    }

    public static ThreadPoolLoad Start(int workItems) => new(workItems);

    public void Dispose() => _stopped = true;

    private void RunSlice()
    {
        long end = Stopwatch.GetTimestamp() + SliceTicks;
        while (Stopwatch.GetTimestamp() < end)
        {
            Thread.SpinWait(20);
        }

        if (!_stopped)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static load => load.RunSlice(), this, preferLocal: false);
        }
    }
}
