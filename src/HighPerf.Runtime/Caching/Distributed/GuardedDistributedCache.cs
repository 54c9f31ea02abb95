using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace HighPerf.Caching.Distributed;

/// <summary>
/// Wraps the application's <see cref="IDistributedCache"/> (e.g. Redis) underneath HybridCache. HybridCache itself
/// swallows backend failures, so this is the only place that sees them: each one is counted, logged and opens the
/// <see cref="CircuitBreaker"/>; while it is open the backend is not called at all. Calls never throw for a backend
/// failure (a read is a miss, a write is skipped) except reads of HybridCache's tag-invalidation records, which
/// rethrow so HybridCache takes the safe view ("invalidated just now") instead of "never invalidated".
/// </summary>
internal sealed partial class GuardedDistributedCache : IBufferDistributedCache, IDisposable
{
    // HybridCache stores the invalidation time of tag T under this prefix (DefaultHybridCache.TagKeyPrefix).
    private const string HybridCacheTagKeyPrefix = "__MSFT_HCT__";

    private readonly IDistributedCache _inner;
    private readonly IBufferDistributedCache? _innerBuffers;
    private readonly bool _ownsInner;
    private readonly CircuitBreaker _breaker;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    public GuardedDistributedCache(IDistributedCache inner, bool ownsInner, CircuitBreaker breaker, TimeSpan timeout, ILogger logger)
    {
        _inner = inner;
        _innerBuffers = inner as IBufferDistributedCache;
        _ownsInner = ownsInner;
        _breaker = breaker;
        _timeout = timeout;
        _logger = logger;
    }

    public IDistributedCache Inner => _inner;

    public bool IsCircuitOpen => _breaker.IsOpen;

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
        => GuardAsync(HighPerfDiagnostics.L2OperationGet, key, (Cache: _inner, Key: key),
            static (s, ct) => s.Cache.GetAsync(s.Key, ct), fallback: null, token);

    public async ValueTask<bool> TryGetAsync(string key, IBufferWriter<byte> destination, CancellationToken token = default)
    {
        if (_innerBuffers is null)
        {
            var bytes = await GetAsync(key, token).ConfigureAwait(false);
            if (bytes is null)
            {
                return false;
            }

            destination.Write(bytes);
            return true;
        }

        return await GuardAsync(HighPerfDiagnostics.L2OperationGet, key, (Cache: _innerBuffers, Key: key, Destination: destination),
            static (s, ct) => s.Cache.TryGetAsync(s.Key, s.Destination, ct).AsTask(), fallback: false, token).ConfigureAwait(false);
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        => GuardAsync(HighPerfDiagnostics.L2OperationSet, key, (Cache: _inner, Key: key, Value: value, Options: options),
            static async (s, ct) => { await s.Cache.SetAsync(s.Key, s.Value, s.Options, ct).ConfigureAwait(false); return true; },
            fallback: false, token);

    public ValueTask SetAsync(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (_innerBuffers is null)
        {
            return new ValueTask(SetAsync(key, value.ToArray(), options, token));
        }

        return new ValueTask(GuardAsync(HighPerfDiagnostics.L2OperationSet, key, (Cache: _innerBuffers, Key: key, Value: value, Options: options),
            static async (s, ct) => { await s.Cache.SetAsync(s.Key, s.Value, s.Options, ct).ConfigureAwait(false); return true; },
            fallback: false, token));
    }

    public Task RefreshAsync(string key, CancellationToken token = default)
        => GuardAsync(HighPerfDiagnostics.L2OperationGet, key, (Cache: _inner, Key: key),
            static async (s, ct) => { await s.Cache.RefreshAsync(s.Key, ct).ConfigureAwait(false); return true; },
            fallback: false, token);

    public Task RemoveAsync(string key, CancellationToken token = default)
        => GuardAsync(HighPerfDiagnostics.L2OperationRemove, key, (Cache: _inner, Key: key),
            static async (s, ct) => { await s.Cache.RemoveAsync(s.Key, ct).ConfigureAwait(false); return true; },
            fallback: false, token);

    public void Dispose()
    {
        if (_ownsInner && _inner is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private async Task<T> GuardAsync<TState, T>(
        string operation, string key, TState state, Func<TState, CancellationToken, Task<T>> call, T fallback, CancellationToken cancellationToken)
    {
        if (!_breaker.TryEnter())
        {
            HighPerfMeter.Distributed.RecordL2Skipped(operation);
            return IsTagRead(operation, key) ? ThrowUnavailable<T>() : fallback;
        }

        Task<T>? pending = null;
        try
        {
            pending = call(state, cancellationToken);
            var result = _timeout == Timeout.InfiniteTimeSpan
                ? await pending.ConfigureAwait(false)
                : await pending.WaitAsync(_timeout, cancellationToken).ConfigureAwait(false);
            if (_breaker.RecordSuccess())
            {
                DistributedCacheLog.L2CircuitClosed(_logger);
            }

            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _breaker.RecordAbandoned(); // the caller gave up: not a backend failure
            throw;
        }
        catch (Exception exception)
        {
            ObserveAbandoned(pending);
            RecordFailure(operation, key, exception);
            if (IsTagRead(operation, key))
            {
                throw;
            }

            return fallback;
        }
    }

    private void RecordFailure(string operation, string key, Exception exception)
    {
        HighPerfMeter.Distributed.RecordL2Error(operation, exception);
        DistributedCacheLog.L2OperationFailed(_logger, operation, key, exception);
        if (_breaker.RecordFailure())
        {
            HighPerfMeter.Distributed.L2CircuitOpened.Add(1);
            DistributedCacheLog.L2CircuitOpened(_logger, _breaker.BreakDuration.TotalSeconds);
        }
    }

    private static bool IsTagRead(string operation, string key)
        => ReferenceEquals(operation, HighPerfDiagnostics.L2OperationGet) && key.StartsWith(HybridCacheTagKeyPrefix, StringComparison.Ordinal);

    // A call abandoned by the timeout may still fault later: observe it so it is not an unobserved task exception.
    private static void ObserveAbandoned(Task? pending)
    {
        if (pending is { IsCompleted: false })
        {
            _ = pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private static T ThrowUnavailable<T>() => throw new DistributedCacheUnavailableException();
}
