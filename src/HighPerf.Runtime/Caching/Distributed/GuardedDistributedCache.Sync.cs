using System;
using System.Buffers;
using HighPerf.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;

namespace HighPerf.Caching.Distributed;

// The synchronous half of IDistributedCache. HybridCache only calls the asynchronous methods; these exist so the
// decorator is a complete IDistributedCache for anything else in the application that resolves it.
internal sealed partial class GuardedDistributedCache
{
    public byte[]? Get(string key) => Guard(HighPerfDiagnostics.L2OperationGet, key, () => _inner.Get(key), fallback: null);

    public bool TryGet(string key, IBufferWriter<byte> destination)
    {
        if (_innerBuffers is null)
        {
            var bytes = Get(key);
            if (bytes is null)
            {
                return false;
            }

            destination.Write(bytes);
            return true;
        }

        return Guard(HighPerfDiagnostics.L2OperationGet, key, () => _innerBuffers.TryGet(key, destination), fallback: false);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        => Guard(HighPerfDiagnostics.L2OperationSet, key, () => { _inner.Set(key, value, options); return true; }, fallback: false);

    public void Set(string key, ReadOnlySequence<byte> value, DistributedCacheEntryOptions options)
    {
        if (_innerBuffers is null)
        {
            Set(key, value.ToArray(), options);
            return;
        }

        Guard(HighPerfDiagnostics.L2OperationSet, key, () => { _innerBuffers.Set(key, value, options); return true; }, fallback: false);
    }

    public void Refresh(string key)
        => Guard(HighPerfDiagnostics.L2OperationGet, key, () => { _inner.Refresh(key); return true; }, fallback: false);

    public void Remove(string key)
        => Guard(HighPerfDiagnostics.L2OperationRemove, key, () => { _inner.Remove(key); return true; }, fallback: false);

    private T Guard<T>(string operation, string key, Func<T> call, T fallback)
    {
        if (!_breaker.TryEnter())
        {
            HighPerfMeter.Distributed.RecordL2Skipped(operation);
            return IsTagRead(operation, key) ? ThrowUnavailable<T>() : fallback;
        }

        try
        {
            var result = call();
            if (_breaker.RecordSuccess())
            {
                DistributedCacheLog.L2CircuitClosed(_logger);
            }

            return result;
        }
        catch (OperationCanceledException)
        {
            _breaker.RecordAbandoned();
            throw;
        }
        catch (Exception exception)
        {
            RecordFailure(operation, key, exception);
            if (IsTagRead(operation, key))
            {
                throw;
            }

            return fallback;
        }
    }
}
