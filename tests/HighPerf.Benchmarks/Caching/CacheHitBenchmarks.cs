using BenchmarkDotNet.Attributes;

namespace HighPerf.Benchmarks.Caching;

/// <summary>
/// The hit path: the same key and value, already cached, read through each cache. The HighPerf rows call generated
/// <c>[Cached]</c> methods as an application does. Like for like: the sync row against BitFaster's synchronous
/// <c>GetOrAdd</c> (both get-or-create calls returning the value); the ValueTask and Task rows add what an awaiting
/// caller pays on top (wrapping the value, checking completion), as the HybridCache row does.
/// </summary>
[MemoryDiagnoser]
public class CacheHitBenchmarks
{
    private const long Id = 42;
    private CacheBenchmarkSubjects _subjects = null!;

    [GlobalSetup]
    public void Setup()
    {
        _subjects = new CacheBenchmarkSubjects();
        _subjects.GetCachedValueTask(Id);
        _subjects.GetCachedTask(Id);
        _subjects.GetCachedSync(Id);
        _subjects.GetHybrid(Id);
        _subjects.GetMemory(Id);
        _subjects.GetFusion(Id);
        _subjects.GetBitFaster(Id);
    }

    [GlobalCleanup]
    public void Cleanup() => _subjects.Dispose();

    [Benchmark(Baseline = true, Description = "[Cached] ValueTask<T> method")]
    public string HighPerfValueTask() => _subjects.GetCachedValueTask(Id);

    [Benchmark(Description = "[Cached] Task<T> method")]
    public string HighPerfTask() => _subjects.GetCachedTask(Id);

    [Benchmark(Description = "[Cached] T method (sync)")]
    public string HighPerfSync() => _subjects.GetCachedSync(Id);

    [Benchmark(Description = "HybridCache GetOrCreateAsync (string key)")]
    public string HybridCache() => _subjects.GetHybrid(Id);

    [Benchmark(Description = "IMemoryCache TryGetValue (string key)")]
    public string MemoryCache() => _subjects.GetMemory(Id);

    [Benchmark(Description = "FusionCache GetOrSet (string key)")]
    public string FusionCache() => _subjects.GetFusion(Id);

    [Benchmark(Description = "BitFaster ConcurrentLru GetOrAdd")]
    public string BitFasterLru() => _subjects.GetBitFaster(Id);
}
