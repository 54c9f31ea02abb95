using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using HighPerf.Caching.L1;
using HighPerf.Diagnostics;

namespace HighPerf.Caching;

/// <summary>The per-method tag values and the recording calls of one cached method.</summary>
/// <remarks>
/// Each call checks <c>Enabled</c> inline (a field read: nothing to do without a listener) and records through the
/// two-tag <c>Add</c> overload, which passes the tags on the stack: recording allocates nothing.
/// </remarks>
internal sealed class CacheMetrics : IEvictionObserver
{
    private static readonly KeyValuePair<string, object?> TierL1 = new(HighPerfDiagnostics.CacheTierTag, HighPerfDiagnostics.CacheTierL1);
    private static readonly KeyValuePair<string, object?> TierL2 = new(HighPerfDiagnostics.CacheTierTag, HighPerfDiagnostics.CacheTierL2);
    private static readonly KeyValuePair<string, object?> ReasonCapacity = new(HighPerfDiagnostics.CacheEvictionReasonTag, HighPerfDiagnostics.CacheEvictionCapacity);
    private static readonly KeyValuePair<string, object?> ReasonExpired = new(HighPerfDiagnostics.CacheEvictionReasonTag, HighPerfDiagnostics.CacheEvictionExpired);

    private readonly KeyValuePair<string, object?> _function;

    internal CacheMetrics(string methodName)
        => _function = new KeyValuePair<string, object?>(HighPerfDiagnostics.FunctionTag, methodName);

    /// <summary>Static, with the instance passed in: the hit path then reads no field of the metrics object unless a
    /// listener is attached (an instance method would null-check it on every hit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void L1Hit(CacheMetrics metrics)
    {
        if (HighPerfMeter.Cache.Hits.Enabled)
        {
            metrics.Add(HighPerfMeter.Cache.Hits, TierL1);
        }
    }

    internal void L1Miss() => AddIfEnabled(HighPerfMeter.Cache.Misses, TierL1);

    internal void L2Hit() => AddIfEnabled(HighPerfMeter.Cache.Hits, TierL2);

    internal void L2Miss() => AddIfEnabled(HighPerfMeter.Cache.Misses, TierL2);

    internal void StampedeJoin() => AddIfEnabled(HighPerfMeter.Cache.StampedeJoins);

    internal void FailSafeUse() => AddIfEnabled(HighPerfMeter.Cache.FailSafeUses);

    internal void EagerRefresh() => AddIfEnabled(HighPerfMeter.Cache.EagerRefreshes);

    public void OnEvicted(bool expired) => AddIfEnabled(HighPerfMeter.Cache.Evictions, expired ? ReasonExpired : ReasonCapacity);

    private void AddIfEnabled(Counter<long> counter)
    {
        if (counter.Enabled)
        {
            counter.Add(1, _function);
        }
    }

    private void AddIfEnabled(Counter<long> counter, KeyValuePair<string, object?> tag)
    {
        if (counter.Enabled)
        {
            Add(counter, tag);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Add(Counter<long> counter, KeyValuePair<string, object?> tag) => counter.Add(1, _function, tag);
}
