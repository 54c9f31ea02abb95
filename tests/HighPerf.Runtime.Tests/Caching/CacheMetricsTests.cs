using HighPerf.Caching;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

[Collection(CachingCollection.Name)]
public sealed class CacheMetricsTests
{
    private static CachedMethod<ProductKey, string> NewMethod() => new(new CachedMethodOptions<ProductKey>
    {
        MethodName = CacheTestScope.UniqueMethodName(nameof(CacheMetricsTests)),
        Duration = TimeSpan.FromMinutes(5),
    });

    [Fact]
    public async Task HitsAndMisses_AreCountedPerTier_WithMethodName()
    {
        using var scope = new CacheTestScope();
        using var metrics = new CacheMetricsRecorder();
        var method = NewMethod();
        var factory = new CountingFactory();

        for (int i = 0; i < 5; i++)
        {
            await method.GetOrCreateAsync(new ProductKey(1), factory, CountingFactory.Async, default);
        }

        await method.GetOrCreateTaskAsync(new ProductKey(1), factory, CountingFactory.Async, default);
        method.GetOrCreate(new ProductKey(2), factory, CountingFactory.Sync);

        Assert.Equal(5, metrics.Sum(HighPerfDiagnostics.CacheHits, method.MethodName, HighPerfDiagnostics.CacheTierTag, HighPerfDiagnostics.CacheTierL1));
        Assert.Equal(2, metrics.Sum(HighPerfDiagnostics.CacheMisses, method.MethodName, HighPerfDiagnostics.CacheTierTag, HighPerfDiagnostics.CacheTierL1));
        Assert.Equal(0, metrics.Sum(HighPerfDiagnostics.CacheMisses, method.MethodName, HighPerfDiagnostics.CacheTierTag, HighPerfDiagnostics.CacheTierL2));
    }

    [Fact]
    public async Task EntriesGauge_ReportsCountPerMethod()
    {
        using var scope = new CacheTestScope();
        using var metrics = new CacheMetricsRecorder();
        var first = NewMethod();
        var second = NewMethod();
        var factory = new CountingFactory();
        for (int i = 0; i < 3; i++)
        {
            await first.GetOrCreateAsync(new ProductKey(i), factory, CountingFactory.Async, default);
        }

        await second.GetOrCreateAsync(new ProductKey(1), factory, CountingFactory.Async, default);

        metrics.CollectObservables();

        Assert.Equal(3, metrics.Sum(HighPerfDiagnostics.CacheEntries, first.MethodName));
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheEntries, second.MethodName));
    }

    [Fact]
    public void Instruments_AreCreatedOnce_OnTheSharedMeter()
    {
        var published = new List<string>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == HighPerfDiagnostics.MeterName && instrument.Name.StartsWith("highperf.cache.", StringComparison.Ordinal))
                {
                    published.Add(instrument.Name);
                }
            },
        };
        _ = NewMethod();
        _ = NewMethod();

        listener.Start();

        Assert.Equal(published.Distinct().Count(), published.Count);
        Assert.Contains(HighPerfDiagnostics.CacheHits, published);
        Assert.Contains(HighPerfDiagnostics.CacheEntries, published);
        Assert.Contains(HighPerfDiagnostics.CacheBackplaneLag, published);
    }
}
