using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Caching.Distributed;
using HighPerf.Caching.L1;
using HighPerf.Caching.Stampede;

namespace HighPerf.Caching;

/// <summary>The asynchronous miss path: join or start the key's flight; the flight asks L2, then the factory.</summary>
public sealed partial class CachedMethod<TKey, TValue>
{
    private async ValueTask<TValue> MissAsync<TState>(TKey key, TState state,
        Func<TState, TKey, CancellationToken, ValueTask<Cacheable<TValue>>> factory, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _metrics.L1Miss();
        while (true)
        {
            if (_flights.TryGetValue(key, out Flight<TKey, TValue>? flight))
            {
                if (flight.TryJoin())
                {
                    _metrics.StampedeJoin();
                    return await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                // Abandoned by all its waiters a moment ago; it is leaving the table.
                _flights.TryRemove(new KeyValuePair<TKey, Flight<TKey, TValue>>(key, flight));
                continue;
            }

            flight = new Flight<TKey, TValue>(key, _flights, background: false);
            flight.TryJoin();
            if (!_flights.TryAdd(key, flight))
            {
                continue;
            }

            _ = RunFlightAsync(flight, state, factory);
            return await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Produces the flight's result; never throws (the outcome goes to the flight).</summary>
    private async Task RunFlightAsync<TState>(Flight<TKey, TValue> flight, TState state,
        Func<TState, TKey, CancellationToken, ValueTask<Cacheable<TValue>>> factory)
    {
        TKey key = flight.Key;
        CacheEnvironment environment = HighPerfCaching.Current;
        try
        {
            if (!flight.IsBackground && TryGetFresh(key, environment, out TValue? current))
            {
                // Another flight stored this key between our L1 miss and our TryAdd.
                flight.SetResult(current);
                return;
            }

            string? formattedKey = _options.FormatKey?.Invoke(key);
            flight.FormattedKey = formattedKey;
            ICacheL2? l2 = formattedKey is null ? null : environment.L2;
            // A value type nothing can serialize stays out of L2 entirely: reading could never succeed either.
            L2ValueCodec<TValue>? codec = l2 is null ? null : Codec(environment);
            if (codec?.TypeInfo is null)
            {
                l2 = null;
            }

            // A refresh skips the L2 read: L2 holds the value being refreshed, written at the same time.
            if (l2 is not null && !flight.IsBackground)
            {
                L2Read read = await TryGetFromL2Async(l2, codec!, formattedKey!, environment, flight.Token).ConfigureAwait(false);
                if (read.Found)
                {
                    _metrics.L2Hit();
                    StoreLocal(flight, read.Value, read.Remaining, read.Tags, formattedKey, environment);
                    flight.SetResult(read.Value);
                    return;
                }

                _metrics.L2Miss();
            }

            Cacheable<TValue> result = await factory(state, key, flight.Token).ConfigureAwait(false);
            if (ShouldStore(result, out TimeSpan duration))
            {
                string[]? tags = CombineTags(FormatTags(key), result.Tags);
                bool stored = StoreLocal(flight, result.Value, duration, tags, formattedKey, environment);
                if (stored && l2 is not null)
                {
                    // Awaited before the waiters are released so that a RemoveAsync issued after a caller got
                    // this value cannot be overtaken by this write.
                    await WriteToL2Async(l2, codec!, formattedKey!, result.Value, duration, tags, environment).ConfigureAwait(false);
                }
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

    private bool TryGetFresh(TKey key, CacheEnvironment environment, out TValue value)
    {
        if (_store.TryGet(key, out CacheEntry<TKey, TValue>? entry) && entry.Error is null
            && entry.IsFresh(environment.Clock.NowMilliseconds()))
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }
}
