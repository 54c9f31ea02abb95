using HighPerf.CacheNode;
using HighPerf.CacheNode.Measurement;

// Usage:
//   HighPerf.CacheNode node <postgres|redis> <connection string> <channel> <method name>
//       node B of a two-node run, driven over stdin/stdout (see CacheNodeLoop)
//   HighPerf.CacheNode measure [--transport postgres|redis|both] [--rounds N] [--load THREADS]
//       cross-node invalidation latency against throwaway servers (see InvalidationLatencyRun)
//   HighPerf.CacheNode burn <threads>
//       busy threads until stdin closes: the synthetic CPU load of `measure --load`
return args.FirstOrDefault() switch
{
    "node" when args.Length == 5 && TransportNames.TryParse(args[1], out var transport)
        => await CacheNodeLoop.RunAsync(transport, connectionString: args[2], channel: args[3], methodName: args[4]),
    "measure" when MeasureOptions.TryParse(args.AsSpan(1), out var options)
        => await InvalidationLatencyRun.RunAsync(options),
    "burn" when args.Length == 2 && int.TryParse(args[1], out int threads) && threads > 0
        => CpuBurner.BurnUntilStdinCloses(threads),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: HighPerf.CacheNode node <postgres|redis> <connection string> <channel> <method name>
               HighPerf.CacheNode measure [--transport postgres|redis|both] [--rounds N] [--load THREADS]
               HighPerf.CacheNode burn <threads>
        """);
    return 2;
}
