using System.Collections.Concurrent;
using System.Diagnostics;
using HighPerf.Caching.Distributed;

namespace HighPerf.Runtime.Tests.Distributed.Support;

/// <summary>
/// Sends messages one at a time from one backplane and times each until another backplane's subscriber has it
/// (Stopwatch, publish call to handler call). Returns the delivered latencies; a lost message is simply missing.
/// The first <see cref="WarmUp"/> messages (JIT, first pooled connection) are sent and awaited but not timed.
/// </summary>
internal static class BackplaneLatency
{
    public const int WarmUp = 10;

    public static async Task<IReadOnlyList<TimeSpan>> MeasureAsync(ICacheBackplane sender, ICacheBackplane receiver, int count, TimeSpan perMessageTimeout)
    {
        var arrivals = new ConcurrentDictionary<string, long>();
        using var signal = new SemaphoreSlim(0);
        using var subscription = receiver.Subscribe(message =>
        {
            if (message.Key is { } key && key.StartsWith("latency:", StringComparison.Ordinal))
            {
                arrivals[key] = Stopwatch.GetTimestamp();
                signal.Release();
            }

            return ValueTask.CompletedTask;
        });

        var latencies = new List<TimeSpan>(count);
        for (int i = -WarmUp; i < count; i++)
        {
            string key = $"latency:{i}";
            long sent = Stopwatch.GetTimestamp();
            await sender.PublishAsync(new CacheInvalidation(CacheInvalidationKind.Key, "Latency.Probe", key, null, sender.NodeId, 0), default);
            if (!await signal.WaitAsync(perMessageTimeout))
            {
                continue;
            }

            if (i >= 0 && arrivals.TryGetValue(key, out long received))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, received));
            }
        }

        return latencies;
    }

    public static string Describe(IReadOnlyList<TimeSpan> latencies)
    {
        var sorted = latencies.Select(l => l.TotalMilliseconds).Order().ToArray();
        double Percentile(double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
        return $"n={sorted.Length} p50={Percentile(0.50):F3} ms p99={Percentile(0.99):F3} ms max={sorted[^1]:F3} ms";
    }
}
