using System;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Caching.L1;
using HighPerf.Caching.Stampede;

namespace HighPerf.Caching;

/// <summary>
/// Eager refresh: the first hit after <c>EagerRefreshThreshold</c> of an entry's lifetime starts one background run
/// of the factory (never two per entry, never next to another run of the same key). Callers keep getting the current
/// value; when the run succeeds, its result replaces the entry with a full new lifetime.
/// </summary>
public sealed partial class CachedMethod<TKey, TValue>
{
    private void StartEagerRefresh<TState>(CacheEntry<TKey, TValue> entry, TState state,
        Func<TState, TKey, CancellationToken, ValueTask<Cacheable<TValue>>> factory)
    {
        if (TryBeginRefresh(entry) is { } flight)
        {
            _ = Task.Run(() => RunFlightAsync(flight, state, factory));
        }
    }

    private void StartEagerRefresh<TState>(CacheEntry<TKey, TValue> entry, TState state, Func<TState, TKey, Cacheable<TValue>> factory)
    {
        if (TryBeginRefresh(entry) is { } flight)
        {
            _ = Task.Run(() => RunFlight(flight, state, factory));
        }
    }

    private Flight<TKey, TValue>? TryBeginRefresh(CacheEntry<TKey, TValue> entry)
    {
        // Plain read first: every hit after the threshold comes here, and an interlocked operation on each of them
        // would keep the entry's cache line bouncing between cores once the refresh is already under way.
        if (Volatile.Read(ref entry.RefreshStarted) != 0 || Interlocked.CompareExchange(ref entry.RefreshStarted, 1, 0) != 0)
        {
            return null;
        }

        var flight = new Flight<TKey, TValue>(entry.Key, _flights, background: true);
        if (!_flights.TryAdd(entry.Key, flight))
        {
            return null;
        }

        _metrics.EagerRefresh();
        return flight;
    }
}
