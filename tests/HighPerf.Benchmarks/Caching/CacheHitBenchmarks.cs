using BenchmarkDotNet.Attributes;

namespace HighPerf.Benchmarks.Caching;

/// <summary>The hit path: the same key and value, already cached, read through each cache.</summary>
[MemoryDiagnoser]
public class CacheHitBenchmarks
{
    private const long Id = 42;
    private CacheBenchmarkSubjects _subjects = null!;

    [GlobalSetup]
    public void Setup()
    {
        _subjects = new CacheBenchmarkSubjects();
        _subjects.GetHighPerf(Id);
        _subjects.GetHybrid(Id);
        _subjects.GetMemory(Id);
        _subjects.GetFusion(Id);
        _subjects.GetBitFaster(Id);
    }

    [GlobalCleanup]
    public void Cleanup() => _subjects.Dispose();

    [Benchmark(Baseline = true, Description = "HighPerf CachedMethod ValueTask")]
    public string HighPerfValueTask() => _subjects.GetHighPerf(Id);

    [Benchmark(Description = "HighPerf CachedMethod Task")]
    public string HighPerfTask() => _subjects.GetHighPerfTask(Id);

    [Benchmark(Description = "HighPerf CachedMethod sync")]
    public string HighPerfSync() => _subjects.GetHighPerfSync(Id);

    [Benchmark(Description = "HybridCache GetOrCreateAsync (string key)")]
    public string HybridCache() => _subjects.GetHybrid(Id);

    [Benchmark(Description = "IMemoryCache TryGetValue (string key)")]
    public string MemoryCache() => _subjects.GetMemory(Id);

    [Benchmark(Description = "FusionCache GetOrSet (string key)")]
    public string FusionCache() => _subjects.GetFusion(Id);

    [Benchmark(Description = "BitFaster ConcurrentLru GetOrAdd")]
    public string BitFasterLru() => _subjects.GetBitFaster(Id);
}
