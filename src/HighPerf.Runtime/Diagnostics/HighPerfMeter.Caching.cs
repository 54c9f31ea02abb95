using System.Collections.Generic;
using System.Diagnostics.Metrics;
using HighPerf.Caching.Registry;

namespace HighPerf.Diagnostics;

/// <summary>The <c>[Cached]</c> instruments, created once per process on the shared meter.</summary>
internal static partial class HighPerfMeter
{
    /// <remarks>
    /// A nested class on purpose: the initialization order of static fields spread over partial files is unspecified,
    /// so these must not sit next to <see cref="Meter"/>. Touching <see cref="Meter"/> from here runs the outer type
    /// initializer first.
    /// </remarks>
    internal static class Cache
    {
        internal static readonly Counter<long> Hits = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheHits, unit: "{lookup}", description: "Lookups of [Cached] methods answered by a cache tier.");

        internal static readonly Counter<long> Misses = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheMisses, unit: "{lookup}", description: "Lookups of [Cached] methods a cache tier could not answer.");

        internal static readonly Counter<long> Evictions = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheEvictions, unit: "{entry}", description: "L1 entries dropped for capacity or expiration.");

        internal static readonly Counter<long> StampedeJoins = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheStampedeJoins, unit: "{call}", description: "Calls that joined a factory run already in flight.");

        internal static readonly Counter<long> FailSafeUses = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheFailSafeUses, unit: "{call}", description: "Failed factory runs answered with a stale value.");

        internal static readonly Counter<long> EagerRefreshes = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheEagerRefreshes, unit: "{refresh}", description: "Background refreshes of entries hit late in their lifetime.");

        internal static readonly Counter<long> BackplaneMessages = Meter.CreateCounter<long>(
            HighPerfDiagnostics.CacheBackplaneMessages, unit: "{message}", description: "Cache invalidation messages sent or received.");

        internal static readonly Histogram<double> BackplaneLag = Meter.CreateHistogram(
            HighPerfDiagnostics.CacheBackplaneLag,
            unit: "s",
            description: "Delay between sending a cache invalidation and receiving it on another node.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

        internal static readonly ObservableGauge<long> Entries = Meter.CreateObservableGauge(
            HighPerfDiagnostics.CacheEntries, ObserveCacheEntries, unit: "{entry}", description: "L1 entries held per [Cached] method.");

        private static IEnumerable<Measurement<long>> ObserveCacheEntries()
        {
            foreach (ICacheInvalidationTarget method in CacheRegistry.Snapshot())
            {
                yield return new Measurement<long>(method.Count, new KeyValuePair<string, object?>(HighPerfDiagnostics.FunctionTag, method.MethodName));
            }
        }
    }
}
