using System;
using System.Threading;
using System.Threading.Tasks;

namespace HighPerf.Caching.Distributed;

/// <summary>
/// The second cache tier, shared by every node (HybridCache over an <c>IDistributedCache</c> such as Redis).
/// <c>CachedMethod</c> asks it after an L1 miss and before running the method; it writes the result back with tags.
/// </summary>
/// <remarks>
/// Implementations never throw for a backend failure (the server is down, a timeout): they count and log the
/// failure and report a miss (<see cref="TryGetAsync{TValue}"/>) or do nothing (the writes), so a broken L2
/// only costs latency, never an exception at the caller. Cancellation through the token may still throw
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public interface ICacheL2
{
    /// <summary>Reads one entry. A miss (or a backend failure) returns <c>(false, default)</c>.</summary>
    ValueTask<(bool Found, TValue Value)> TryGetAsync<TValue>(string key, CancellationToken cancellationToken);

    /// <summary>Writes one entry for <paramref name="duration"/>, carrying <paramref name="tags"/> (may be null).</summary>
    ValueTask SetAsync<TValue>(string key, TValue value, TimeSpan duration, string[]? tags, CancellationToken cancellationToken);

    /// <summary>Removes one entry.</summary>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes (or logically invalidates) every entry carrying <paramref name="tag"/>.</summary>
    ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken);
}
