using System;
using System.Runtime.ExceptionServices;
using HighPerf.Caching.L1;
using HighPerf.Caching.Stampede;
using Microsoft.Extensions.Logging;

namespace HighPerf.Caching;

/// <summary>What happens with a flight's outcome: storing a result, negative caching, fail-safe.</summary>
public sealed partial class CachedMethod<TKey, TValue>
{
    private bool ShouldStore(in Cacheable<TValue> result, out TimeSpan duration)
    {
        duration = result.Duration ?? _options.Duration;
        if (result.Skip || duration <= TimeSpan.Zero)
        {
            return false;
        }

        return _options.CacheNull || result.Value is not null;
    }

    /// <summary>Stores a result in L1 unless the key was invalidated while the flight ran.</summary>
    private bool StoreLocal(Flight<TKey, TValue> flight, TValue value, TimeSpan duration, string[]? tags, string? formattedKey,
        CacheEnvironment environment)
    {
        long lifetime = _lifetime.Compute(duration, environment);
        return Store(flight, value, error: null, lifetime, _lifetime.RefreshAfter(lifetime), tags, formattedKey, environment);
    }

    private bool Store(Flight<TKey, TValue> flight, TValue value, ExceptionDispatchInfo? error, long lifetime, long refreshAfter,
        string[]? tags, string? formattedKey, CacheEnvironment environment)
    {
        // Checked under the store lock, which the invalidation paths also hold while they mark flights: a removal
        // either sees this entry and removes it, or marks the flight first and this store is skipped.
        lock (_store.SyncRoot)
        {
            if (flight.IsInvalidated)
            {
                return false;
            }

            long now = environment.Clock.NowMilliseconds();
            long sliding = error is null ? _lifetime.SlidingMilliseconds : 0;
            var entry = new CacheEntry<TKey, TValue>(flight.Key, value, error, now, lifetime, sliding, refreshAfter, tags, formattedKey);
            _store.Set(entry, now);
            return true;
        }
    }

    private void OnFactoryFailed(Flight<TKey, TValue> flight, Exception exception, CacheEnvironment environment)
    {
        if (exception is OperationCanceledException && flight.Token.IsCancellationRequested)
        {
            // Every waiter has gone; nobody sees this outcome, and a cancellation is not a failure of the method.
            flight.SetException(exception);
            return;
        }

        long now = environment.Clock.NowMilliseconds();
        if (_store.TryGet(flight.Key, out CacheEntry<TKey, TValue>? current) && current.Error is null)
        {
            if (current.IsFresh(now))
            {
                // A background refresh failed while the entry is still fresh: callers keep the current value.
                flight.SetResult(current.Value);
                return;
            }

            if (_failSafeMilliseconds > 0 && now < current.EffectiveExpiry + _failSafeMilliseconds)
            {
                _metrics.FailSafeUse();
                ILogger logger = Logger;
                if (logger.IsEnabled(LogLevel.Warning))
                {
                    logger.LogWarning(exception, "{Method} failed; answering with the value that expired {StaleMilliseconds} ms ago (fail-safe)",
                        MethodName, now - current.EffectiveExpiry);
                }

                flight.SetResult(current.Value);
                return;
            }
        }

        if (_negativeMilliseconds > 0 && exception is not OperationCanceledException && !flight.IsBackground)
        {
            Store(flight, default!, ExceptionDispatchInfo.Capture(exception), _negativeMilliseconds, long.MaxValue,
                FormatTags(flight.Key), flight.FormattedKey, environment);
        }

        flight.SetException(exception);
    }

    private string[]? FormatTags(TKey key) => _options.FormatTags?.Invoke(key);

    private static string[]? CombineTags(string[]? methodTags, string[]? resultTags)
    {
        if (resultTags is null || resultTags.Length == 0)
        {
            return methodTags;
        }

        return methodTags is null || methodTags.Length == 0 ? resultTags : [.. methodTags, .. resultTags];
    }
}
