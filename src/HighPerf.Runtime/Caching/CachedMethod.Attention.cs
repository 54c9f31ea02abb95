using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Caching.L1;

namespace HighPerf.Caching;

/// <summary>
/// Hits past the entry's <see cref="CacheEntry{TKey, TValue}.AttentionAt"/>: the entry may have expired, slides, is
/// due for eager refresh, or is a cached failure. Kept out of the entry points (no inlining) so that their common
/// hit stays a short method without calls.
/// </summary>
public sealed partial class CachedMethod<TKey, TValue>
{
    /// <summary>True when <paramref name="entry"/> answers the call (its value, or its cached failure).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryHitWithAttention<TState>(CacheEntry<TKey, TValue> entry, long now, TState state,
        Func<TState, TKey, CancellationToken, ValueTask<Cacheable<TValue>>> factory)
    {
        if (!entry.TryHit(now))
        {
            return false;
        }

        CacheMetrics.L1Hit(_metrics);
        if (entry.Error is null && now >= entry.RefreshAt)
        {
            StartEagerRefresh(entry, state, factory);
        }

        return true;
    }

    /// <inheritdoc cref="TryHitWithAttention{TState}(CacheEntry{TKey, TValue}, long, TState, Func{TState, TKey, CancellationToken, ValueTask{Cacheable{TValue}}})"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryHitWithAttention<TState>(CacheEntry<TKey, TValue> entry, long now, TState state,
        Func<TState, TKey, Cacheable<TValue>> factory)
    {
        if (!entry.TryHit(now))
        {
            return false;
        }

        CacheMetrics.L1Hit(_metrics);
        if (entry.Error is null && now >= entry.RefreshAt)
        {
            StartEagerRefresh(entry, state, factory);
        }

        return true;
    }
}
