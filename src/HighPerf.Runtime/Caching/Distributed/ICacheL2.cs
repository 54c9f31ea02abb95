using System;
using System.Threading;
using System.Threading.Tasks;

namespace HighPerf.Caching.Distributed;

/// <summary>
/// The second cache tier, shared by every node (HybridCache over an <c>IDistributedCache</c> such as Redis). It stores
/// opaque payloads: <c>CachedMethod</c> owns serialization and writes an <see cref="L2Envelope"/> (format version,
/// absolute expiry, tags, then the value's UTF-8 JSON), asks after an L1 miss and before running the method, and
/// writes the result back with its tags plus the method's own tag (<see cref="HighPerfCaching.MethodTag"/>).
/// </summary>
/// <remarks>
/// Implementations never throw for a backend failure (the server is down, a timeout): they count and log the
/// failure and report a miss (<see cref="GetAsync"/>) or do nothing (the writes), so a broken L2 only costs
/// latency, never an exception at the caller. Cancellation through the token may still throw
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public interface ICacheL2
{
    /// <summary>Reads one payload exactly as written. A miss (or a backend failure) returns null.</summary>
    ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes one payload for <paramref name="duration"/>, carrying <paramref name="tags"/> (may be null).</summary>
    ValueTask SetAsync(string key, byte[] payload, TimeSpan duration, string[]? tags, CancellationToken cancellationToken);

    /// <summary>Removes one entry.</summary>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes (or logically invalidates) every entry carrying <paramref name="tag"/>.</summary>
    ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken);
}
