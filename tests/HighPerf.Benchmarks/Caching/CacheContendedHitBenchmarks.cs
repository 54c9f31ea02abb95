using BenchmarkDotNet.Attributes;

namespace HighPerf.Benchmarks.Caching;

/// <summary>
/// Eight threads reading the same hot keys at once (a shared read path must not bounce cache lines between cores).
/// Reported per read. On a machine with fewer cores than threads the threads also time-share the cores.
/// </summary>
[MemoryDiagnoser]
public class CacheContendedHitBenchmarks
{
    private const int Threads = 8;
    private const int ReadsPerThread = 20_000;
    private const int Keys = 16;
    private CacheBenchmarkSubjects _subjects = null!;

    [GlobalSetup]
    public void Setup()
    {
        _subjects = new CacheBenchmarkSubjects();
        for (long id = 0; id < Keys; id++)
        {
            _subjects.GetCachedValueTask(id);
            _subjects.GetCachedSync(id);
            _subjects.GetHybrid(id);
            _subjects.GetMemory(id);
            _subjects.GetFusion(id);
            _subjects.GetBitFaster(id);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _subjects.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Threads * ReadsPerThread, Description = "[Cached] ValueTask<T> method x8")]
    public void HighPerfValueTask() => Run(static (s, id) => s.GetCachedValueTask(id));

    [Benchmark(OperationsPerInvoke = Threads * ReadsPerThread, Description = "[Cached] T method (sync) x8")]
    public void HighPerfSync() => Run(static (s, id) => s.GetCachedSync(id));

    [Benchmark(OperationsPerInvoke = Threads * ReadsPerThread, Description = "HybridCache GetOrCreateAsync x8")]
    public void HybridCache() => Run(static (s, id) => s.GetHybrid(id));

    [Benchmark(OperationsPerInvoke = Threads * ReadsPerThread, Description = "IMemoryCache TryGetValue x8")]
    public void MemoryCache() => Run(static (s, id) => s.GetMemory(id));

    [Benchmark(OperationsPerInvoke = Threads * ReadsPerThread, Description = "FusionCache GetOrSet x8")]
    public void FusionCache() => Run(static (s, id) => s.GetFusion(id));

    [Benchmark(OperationsPerInvoke = Threads * ReadsPerThread, Description = "BitFaster ConcurrentLru x8")]
    public void BitFasterLru() => Run(static (s, id) => s.GetBitFaster(id));

    private void Run(Func<CacheBenchmarkSubjects, long, string> read)
    {
        CacheBenchmarkSubjects subjects = _subjects;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            for (int i = 0; i < ReadsPerThread; i++)
            {
                read(subjects, (thread + i) % Keys);
            }
        });
    }
}
