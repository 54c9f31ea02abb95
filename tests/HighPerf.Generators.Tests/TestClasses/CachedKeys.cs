using HighPerf;

namespace HighPerf.Generators.Tests.TestClasses;

/// <summary>[Cached] methods whose keys exercise formatting (L2/backplane keys) and stampede protection.</summary>
public static partial class CachedKeys
{
    private static int s_quoteCalls;
    private static TaskCompletionSource<int> s_gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static int QuoteCalls => Volatile.Read(ref s_quoteCalls);

    [Cached]
    public static partial string Describe(string? first, string? second, DateTime at, decimal amount);

    private static string DescribeCore(string? first, string? second, DateTime at, decimal amount) => "described";

    /// <summary>Blocks until <see cref="Release"/>: every concurrent caller meets the same in-flight call.</summary>
    [Cached]
    public static partial Task<int> QuoteAsync(long id, CancellationToken ct = default);

    private static async Task<int> QuoteAsyncCore(long id, CancellationToken ct)
    {
        Interlocked.Increment(ref s_quoteCalls);
        return await s_gate.Task.WaitAsync(ct) + (int)id;
    }

    public static void Release(int value) => s_gate.TrySetResult(value);
}
