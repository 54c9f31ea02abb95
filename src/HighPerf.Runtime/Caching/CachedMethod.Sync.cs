using System;
using System.Collections.Generic;
using HighPerf.Caching.Stampede;

namespace HighPerf.Caching;

/// <summary>
/// The synchronous miss path: the same flights as the asynchronous one, run inline by the first caller while the
/// others block on the result. No L2 (its API is asynchronous; blocking on it would hold a thread per miss).
/// </summary>
public sealed partial class CachedMethod<TKey, TValue>
{
    private TValue Miss<TState>(TKey key, TState state, Func<TState, TKey, Cacheable<TValue>> factory)
    {
        _metrics.L1Miss();
        while (true)
        {
            if (_flights.TryGetValue(key, out Flight<TKey, TValue>? flight))
            {
                if (flight.TryJoin())
                {
                    _metrics.StampedeJoin();
                    return flight.Wait();
                }

                _flights.TryRemove(new KeyValuePair<TKey, Flight<TKey, TValue>>(key, flight));
                continue;
            }

            flight = new Flight<TKey, TValue>(key, _flights, background: false);
            flight.TryJoin();
            if (!_flights.TryAdd(key, flight))
            {
                continue;
            }

            RunFlight(flight, state, factory);
            return flight.Wait();
        }
    }

    /// <summary>Produces the flight's result; never throws (the outcome goes to the flight).</summary>
    private void RunFlight<TState>(Flight<TKey, TValue> flight, TState state, Func<TState, TKey, Cacheable<TValue>> factory)
    {
        TKey key = flight.Key;
        CacheEnvironment environment = HighPerfCaching.Current;
        try
        {
            if (!flight.IsBackground && TryGetFresh(key, environment, out TValue? stored))
            {
                flight.SetResult(stored);
                return;
            }

            flight.FormattedKey = _options.FormatKey?.Invoke(key);
            Cacheable<TValue> result = factory(state, key);
            if (ShouldStore(result, out TimeSpan duration))
            {
                StoreLocal(flight, result.Value, duration, CombineTags(FormatTags(key), result.Tags), flight.FormattedKey, environment);
            }

            flight.SetResult(result.Value);
        }
        catch (Exception exception)
        {
            OnFactoryFailed(flight, exception, environment);
        }
        finally
        {
            _flights.TryRemove(new KeyValuePair<TKey, Flight<TKey, TValue>>(key, flight));
        }
    }
}
