using System;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Diagnostics;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;

namespace HighPerf.Caching.Distributed;

/// <summary>
/// The L2 tier over the application's <see cref="HybridCache"/>. Payloads (an <see cref="L2Envelope"/> written by
/// <c>CachedMethod</c>) are handed to HybridCache as <c>byte[]</c>, which it stores as they are.
/// </summary>
/// <remarks>
/// <para>Every call carries <see cref="HybridCacheEntryFlags.DisableLocalCache"/>: L1 is ours, so HybridCache keeps no
/// second in-memory copy.</para>
/// <para>A read adds <see cref="HybridCacheEntryFlags.DisableUnderlyingData"/>: on a miss HybridCache runs no factory
/// and returns <c>default</c>, i.e. a null array. A stored payload is never a null array (an envelope has at least its
/// header), so "found" and "missing" cannot be confused, a cached null stays a hit, and concurrent readers of one key
/// that HybridCache coalesces all see the same answer (a factory reporting the miss through its state would only tell
/// the first of them).</para>
/// <para>Backend failures never reach here: <see cref="GuardedDistributedCache"/> turns them into misses and skipped
/// writes underneath HybridCache. What is left to catch is key validation, counted the same way.</para>
/// </remarks>
public sealed class HybridCacheL2 : ICacheL2
{
    private const HybridCacheEntryFlags ReadFlags =
        HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableDistributedCacheWrite;

    private static readonly HybridCacheEntryOptions ReadOptions = new() { Flags = ReadFlags };

    private readonly HybridCache _cache;
    private readonly ILogger _logger;

    public HybridCacheL2(HybridCache cache, ILogger logger)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await _cache.GetOrCreateAsync<byte[]?>(
                key, static _ => default, ReadOptions, tags: null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsFailure(exception, cancellationToken))
        {
            RecordFailure(HighPerfDiagnostics.L2OperationGet, key, exception);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] payload, TimeSpan duration, string[]? tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var options = new HybridCacheEntryOptions { Expiration = duration, Flags = HybridCacheEntryFlags.DisableLocalCache };
        try
        {
            await _cache.SetAsync(key, payload, options, tags, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsFailure(exception, cancellationToken))
        {
            RecordFailure(HighPerfDiagnostics.L2OperationSet, key, exception);
        }
    }

    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsFailure(exception, cancellationToken))
        {
            RecordFailure(HighPerfDiagnostics.L2OperationRemove, key, exception);
        }
    }

    /// <remarks>
    /// HybridCache invalidates tags logically: it writes the tag's invalidation time to L2 and remembers it in
    /// process, and each node reads a tag's time from L2 only once. Other nodes learn of it through the backplane,
    /// whose receive path calls this method there too (see <c>AddHighPerfCaching</c>).
    /// </remarks>
    public async ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await _cache.RemoveByTagAsync(tag, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsFailure(exception, cancellationToken))
        {
            RecordFailure(HighPerfDiagnostics.L2OperationRemove, tag, exception);
        }
    }

    private static bool IsFailure(Exception exception, CancellationToken cancellationToken)
        => exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    private void RecordFailure(string operation, string key, Exception exception)
    {
        HighPerfMeter.Distributed.RecordL2Error(operation, exception);
        DistributedCacheLog.L2OperationFailed(_logger, operation, key, exception);
    }
}
