using BenchmarkDotNet.Running;
using HighPerf.Benchmarks.Caching;

if (args.Length > 0 && args[0] == InterleavedHitComparison.Command)
{
    InterleavedHitComparison.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
