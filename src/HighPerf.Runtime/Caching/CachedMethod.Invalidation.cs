using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Caching.Distributed;
using HighPerf.Caching.L1;
using HighPerf.Caching.Registry;
using HighPerf.Caching.Stampede;

namespace HighPerf.Caching;

/// <summary>
/// Invalidation: one key (here, L2 and every node), and the local side of key, tag and method messages. Each local
/// removal also marks the flights it may race with, so a run that started before the removal cannot store its result
/// afterwards.
/// </summary>
public sealed partial class CachedMethod<TKey, TValue>
{
    /// <summary>Removes <paramref name="key"/> from this node's L1, from L2, and (through the backplane) from every
    /// other node's L1. Without <c>FormatKey</c> only the local L1 is concerned.</summary>
    public async ValueTask RemoveAsync(TKey key, CancellationToken cancellationToken = default)
    {
        RemoveLocal(key);
        if (_options.FormatKey is not { } formatKey)
        {
            return;
        }

        string formattedKey = formatKey(key);
        CacheEnvironment environment = HighPerfCaching.Current;
        if (environment.L2 is { } l2)
        {
            await l2.RemoveAsync(formattedKey, cancellationToken).ConfigureAwait(false);
        }

        if (environment.Backplane is { } backplane)
        {
            var message = new CacheInvalidation(CacheInvalidationKind.Key, MethodName, formattedKey, null, environment.NodeId,
                environment.UnixTimeMilliseconds());
            await BackplaneReceiver.PublishAsync(backplane, message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes <paramref name="key"/> from this node's L1 only.</summary>
    public void RemoveLocal(TKey key)
    {
        lock (_store.SyncRoot)
        {
            _store.Remove(key);
            if (_flights.TryGetValue(key, out Flight<TKey, TValue>? flight))
            {
                flight.Invalidate();
            }
        }
    }

    bool ICacheInvalidationTarget.RemoveLocalByFormattedKey(string formattedKey)
    {
        lock (_store.SyncRoot)
        {
            bool removed = _store.TryFindKey(formattedKey, out TKey key) && _store.Remove(key);
            foreach (KeyValuePair<TKey, Flight<TKey, TValue>> pair in _flights)
            {
                // A flight that has not formatted its key yet gets invalidated too: a rare, conservative skip.
                if (pair.Value.FormattedKey is null || pair.Value.FormattedKey == formattedKey)
                {
                    pair.Value.Invalidate();
                }
            }

            return removed;
        }
    }

    int ICacheInvalidationTarget.RemoveLocalByTag(string tag)
    {
        int removed = 0;
        lock (_store.SyncRoot)
        {
            foreach (CacheEntry<TKey, TValue> entry in _store.Entries)
            {
                if (entry.Tags is { } tags && System.Array.IndexOf(tags, tag) >= 0 && _store.RemoveExact(entry))
                {
                    removed++;
                }
            }

            // A running flight's tags are known only once its result exists.
            InvalidateAllFlights();
        }

        return removed;
    }

    void ICacheInvalidationTarget.ClearLocal()
    {
        lock (_store.SyncRoot)
        {
            _store.Clear();
            InvalidateAllFlights();
        }
    }

    void ICacheInvalidationTarget.CapLocalLifetimes(long maxRemainingMilliseconds)
    {
        long latest = HighPerfCaching.Current.Clock.NowMilliseconds() + maxRemainingMilliseconds;
        lock (_store.SyncRoot)
        {
            foreach (CacheEntry<TKey, TValue> entry in _store.Entries)
            {
                entry.CapExpiry(latest);
            }
        }
    }

    private void InvalidateAllFlights()
    {
        foreach (KeyValuePair<TKey, Flight<TKey, TValue>> pair in _flights)
        {
            pair.Value.Invalidate();
        }
    }
}
