
namespace HighPerf.CacheNode.Measurement;

/// <summary>
/// <c>measure</c>: for each transport, a throwaway server, node A (this process) and node B (a child
/// <see cref="CacheNodeLoop"/>), then N rounds of "B fills key i, A calls <c>RemoveAsync(i)</c>, B reports the
/// moment its L1 entry is gone". Prints one Markdown row per transport with the load average around the run.
/// </summary>
/// <remarks>
/// Both timestamps are <see cref="DateTime.UtcNow"/> on one machine (one clock, microsecond resolution). Rounds are
/// sequential, so each one measures an idle path, not a queue.
/// </remarks>
public static class InvalidationLatencyRun
{
    private const int WarmUpRounds = 20; // JIT and first pooled connections in both processes: run, not timed
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(MeasureOptions options)
    {
        string self = typeof(InvalidationLatencyRun).Assembly.Location;
        string load = DescribeLoad(options);
        Console.WriteLine($"{options.Rounds} rounds per transport, {Environment.ProcessorCount} cores, synthetic load: {load}");
        Console.WriteLine("| transport | load | n | p50 ms | p95 ms | p99 ms | max ms | RemoveAsync p50 / max ms | load avg (1 min) start -> end |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (NodeTransport transport in options.Transports)
        {
            await using var server = await TransportServer.StartAsync(transport);
            await using var burner = options.LoadThreads > 0 ? CpuBurner.Start(self, options.LoadThreads) : null;
            string loadBefore = LoadAverage.OneMinute();
            var (gone, publish) = await MeasureAsync(self, transport, server.ConnectionString, options);
            var publishSummary = LatencySummary.Of(publish);
            Console.WriteLine(FormattableString.Invariant(
                $"| {transport.Name()} | {load} | {LatencySummary.Of(gone).ToCells()} | {publishSummary.P50:F2} / {publishSummary.Max:F2} | {loadBefore} -> {LoadAverage.OneMinute()} |"));
        }

        return 0;
    }

    private static string DescribeLoad(MeasureOptions options) => (options.LoadThreads, options.PoolWorkItems) switch
    {
        (0, 0) => "none",
        (var threads, 0) => $"{threads} busy threads in another process",
        (0, var items) => $"{items} busy pool work items per node",
        (var threads, var items) => $"{threads} busy threads in another process + {items} busy pool work items per node",
    };

    private static async Task<(List<double> Gone, List<double> Publish)> MeasureAsync(string self, NodeTransport transport, string connectionString, MeasureOptions options)
    {
        int rounds = options.Rounds;
        await using var nodes = await TwoNodes.StartAsync(self, transport, connectionString, Bound);
        await nodes.NodeB.SendAsync($"pool-load {options.PoolWorkItems}", "LOADED", Bound);
        using var poolLoadOnA = options.PoolWorkItems > 0 ? ThreadPoolLoad.Start(options.PoolWorkItems) : null;

        var gone = new List<double>(rounds);
        var publish = new List<double>(rounds);
        for (int id = -WarmUpRounds; id < rounds; id++)
        {
            var (goneAfter, removeAsync) = await nodes.InvalidateAsync(id, Bound);
            if (id >= 0)
            {
                gone.Add(goneAfter.TotalMilliseconds);
                publish.Add(removeAsync.TotalMilliseconds);
            }
        }

        return (gone, publish);
    }
}
