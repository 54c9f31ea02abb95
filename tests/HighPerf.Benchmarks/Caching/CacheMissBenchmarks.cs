using BenchmarkDotNet.Attributes;

namespace HighPerf.Benchmarks.Caching;

/// <summary>The miss path: each operation removes the key, then reads it (running the factory and storing).</summary>
[MemoryDiagnoser]
public class CacheMissBenchmarks
{
    private const long Id = 42;
    private CacheBenchmarkSubjects _subjects = null!;

    [GlobalSetup]
    public void Setup() => _subjects = new CacheBenchmarkSubjects();

    [GlobalCleanup]
    public void Cleanup() => _subjects.Dispose();

    [Benchmark(Baseline = true, Description = "HighPerf CachedMethod ValueTask")]
    public string HighPerfValueTask()
    {
        _subjects.HighPerf.RemoveLocal(new ProductKey(Id));
        return _subjects.GetHighPerf(Id);
    }

    [Benchmark(Description = "HybridCache GetOrCreateAsync (string key)")]
    public string HybridCache()
    {
        CacheBenchmarkSubjects.Result(RemoveThenGet());
        return _subjects.GetHybrid(Id);

        ValueTask<string> RemoveThenGet()
        {
            ValueTask removal = _subjects.Hybrid.RemoveAsync(CacheBenchmarkSubjects.FormatKey(Id));
            if (!removal.IsCompletedSuccessfully)
            {
                removal.AsTask().GetAwaiter().GetResult();
            }

            return new ValueTask<string>(string.Empty);
        }
    }

    [Benchmark(Description = "IMemoryCache TryGetValue + Set (string key)")]
    public string MemoryCache()
    {
        _subjects.Memory.Remove(CacheBenchmarkSubjects.FormatKey(Id));
        return _subjects.GetMemory(Id);
    }

    [Benchmark(Description = "FusionCache GetOrSet (string key)")]
    public string FusionCache()
    {
        _subjects.Fusion.Remove(CacheBenchmarkSubjects.FormatKey(Id));
        return _subjects.GetFusion(Id);
    }

    [Benchmark(Description = "BitFaster ConcurrentLru GetOrAdd")]
    public string BitFasterLru()
    {
        _subjects.BitFaster.TryRemove(Id);
        return _subjects.GetBitFaster(Id);
    }
}
