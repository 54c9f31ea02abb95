using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Caching.Distributed;
using HighPerf.Caching.Expiration;
using HighPerf.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HighPerf.Caching;

/// <summary>
/// L2 calls of the miss path. The method owns serialization: it writes an <see cref="L2Envelope"/> (expiry, tags,
/// JSON) with the metadata <see cref="L2ValueCodec{TValue}"/> resolved for its value type, and reads one back into the
/// remaining lifetime and the tags. <see cref="ICacheL2"/> promises not to throw for a backend failure; these wrappers
/// hold that line anyway, so a broken L2 implementation or an unreadable payload costs a log line and a miss, never
/// the caller's result. Cancellation of the flight still propagates.
/// </summary>
public sealed partial class CachedMethod<TKey, TValue>
{
    private L2ValueCodec<TValue>? _codec;
    private int _typeNotCoveredReported;

    /// <summary>The value type's metadata for <paramref name="environment"/>; resolved again only when another
    /// environment is installed.</summary>
    private L2ValueCodec<TValue> Codec(CacheEnvironment environment)
    {
        L2ValueCodec<TValue>? codec = Volatile.Read(ref _codec);
        if (codec is not null && ReferenceEquals(codec.Environment, environment))
        {
            return codec;
        }

        Exception? rejection = null;
        try
        {
            codec = L2ValueCodec<TValue>.Resolve(_options.JsonContext, environment);
        }
        catch (Exception exception)
        {
            rejection = exception;
            codec = L2ValueCodec<TValue>.Unavailable(environment);
        }

        if (codec.TypeInfo is null && Interlocked.Exchange(ref _typeNotCoveredReported, 1) == 0)
        {
            HighPerfMeter.Distributed.RecordL2TypeNotCovered(MethodName);
            DistributedCacheLog.L2TypeNotCovered(L2Logger(environment), MethodName, ValueTypeName,
                _options.JsonContext?.GetType().FullName ?? "none", JsonSerializer.IsReflectionEnabledByDefault, rejection);
        }

        Volatile.Write(ref _codec, codec);
        return codec;
    }

    private async ValueTask<L2Read> TryGetFromL2Async(ICacheL2 l2, L2ValueCodec<TValue> codec, string formattedKey,
        CacheEnvironment environment, CancellationToken cancellationToken)
    {
        byte[]? payload;
        try
        {
            payload = await l2.GetAsync(formattedKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogL2Failure(exception, "read", formattedKey);
            return default;
        }

        return payload is null ? default : Decode(payload, codec, formattedKey, environment);
    }

    private L2Read Decode(byte[] payload, L2ValueCodec<TValue> codec, string formattedKey, CacheEnvironment environment)
    {
        if (!L2Envelope.TryReadHeader(payload, out long expiresAt, out string[]? tags, out int valueOffset, out string? problem))
        {
            HighPerfMeter.Distributed.RecordL2Error(HighPerfDiagnostics.L2OperationGet, HighPerfDiagnostics.L2UnreadablePayload);
            DistributedCacheLog.L2PayloadUnreadable(L2Logger(environment), formattedKey, problem!);
            return default;
        }

        // The entry keeps what is left of its L2 lifetime, never more than the method's Duration (clocks of two nodes
        // differ a little; the bound keeps a skewed or forged expiry from pinning an entry).
        long remaining = Math.Min(expiresAt - environment.UnixTimeMilliseconds(), CacheClock.ToMilliseconds(_options.Duration));
        if (remaining <= 0)
        {
            return default;
        }

        try
        {
            TValue value = JsonSerializer.Deserialize(payload.AsSpan(valueOffset), codec.TypeInfo!)!;
            return new L2Read(true, value, TimeSpan.FromMilliseconds(remaining), tags);
        }
        catch (Exception exception)
        {
            HighPerfMeter.Distributed.RecordL2Error(HighPerfDiagnostics.L2OperationGet, exception);
            DistributedCacheLog.L2SerializationFailed(L2Logger(environment), ValueTypeName, formattedKey, exception);
            return default;
        }
    }

    private async ValueTask WriteToL2Async(ICacheL2 l2, L2ValueCodec<TValue> codec, string formattedKey, TValue value,
        TimeSpan duration, string[]? tags, CacheEnvironment environment)
    {
        byte[] payload;
        try
        {
            long expiresAt = environment.UnixTimeMilliseconds() + CacheClock.ToMilliseconds(duration);
            payload = L2Envelope.Write(value, codec.TypeInfo!, expiresAt, tags);
        }
        catch (Exception exception)
        {
            HighPerfMeter.Distributed.RecordL2Error(HighPerfDiagnostics.L2OperationSet, exception);
            DistributedCacheLog.L2SerializationFailed(L2Logger(environment), ValueTypeName, formattedKey, exception);
            return;
        }

        // The method tag travels to L2 only: it addresses the whole method there (ClearAsync), while L1 entries are
        // cleared per method directly.
        string[] l2Tags = tags is null || tags.Length == 0 ? _methodTagOnly : [.. tags, _methodTagOnly[0]];
        try
        {
            await l2.SetAsync(formattedKey, payload, duration, l2Tags, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogL2Failure(exception, "write", formattedKey);
        }
    }

    private void LogL2Failure(Exception exception, string operation, string formattedKey)
    {
        ILogger logger = Logger;
        if (logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning(exception, "L2 {Operation} of {Method} key {Key} failed; continuing without L2", operation, MethodName, formattedKey);
        }
    }

    private static string ValueTypeName => typeof(TValue).FullName ?? typeof(TValue).Name;

    private static ILogger L2Logger(CacheEnvironment environment) => environment.LoggerFactory.CreateLogger(DistributedCacheLog.Category);

    /// <summary>An L2 hit: the value, what is left of its lifetime, and the entry's tags.</summary>
    private readonly record struct L2Read(bool Found, TValue Value, TimeSpan Remaining, string[]? Tags);
}
