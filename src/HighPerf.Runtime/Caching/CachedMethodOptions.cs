using System;
using System.Text.Json.Serialization;

namespace HighPerf.Caching;

/// <summary>The policy of one cached method; generated code builds it once from the <c>[Cached]</c> attribute.</summary>
/// <typeparam name="TKey">The generated key struct of the method's key parameters.</typeparam>
public sealed class CachedMethodOptions<TKey>
{
    /// <summary>Default <see cref="MaxEntries"/>.</summary>
    public const int DefaultMaxEntries = 10_000;

    /// <summary>Fully qualified method name, e.g. <c>Shop.ProductService.GetProductAsync</c>: the metrics tag, the L2
    /// key prefix and the backplane address. Unique per process.</summary>
    public required string MethodName { get; init; }

    /// <summary>Absolute expiration of an entry from the moment it is stored. Must be positive.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>When set, an entry not read for this long expires early (never later than <see cref="Duration"/>).</summary>
    public TimeSpan? SlidingExpiration { get; init; }

    /// <summary>L1 capacity of this method; beyond it the S3-FIFO policy evicts.</summary>
    public int MaxEntries { get; init; } = DefaultMaxEntries;

    /// <summary>0..1: each entry's lifetime is shortened by a random part of up to this fraction, so entries written
    /// together do not expire together.</summary>
    public double JitterFraction { get; init; }

    /// <summary>Whether a null result is stored (true) or returned and recomputed on the next call (false).</summary>
    public bool CacheNull { get; init; } = true;

    /// <summary>How long a thrown exception is replayed to callers before the method runs again; 0 = never cached.</summary>
    public TimeSpan NegativeCacheDuration { get; init; }

    /// <summary>0 = off. When the method throws and an entry expired less than this long ago, its stale value is
    /// returned instead (counted as a fail-safe use).</summary>
    public TimeSpan FailSafeWindow { get; init; }

    /// <summary>0 = off. 0 &lt; x &lt; 1: an entry hit after this fraction of its lifetime is refreshed once in the
    /// background while callers keep getting the current value.</summary>
    public double EagerRefreshThreshold { get; init; }

    /// <summary>The key as a string for L2 and the backplane (invariant culture); null = L1 only.</summary>
    public Func<TKey, string>? FormatKey { get; init; }

    /// <summary>
    /// The source-generated context serializing this method's values for L2 (from <c>[CacheJsonContext]</c>); asked for
    /// the value type on first L2 use. Null, or a context lacking the type: the environment's
    /// <see cref="CacheEnvironment.L2JsonFallback"/> is asked instead.
    /// </summary>
    public JsonSerializerContext? JsonContext { get; init; }

    /// <summary>The method's tags for one key (templates such as <c>product:{id}</c> filled in); null = no tags.</summary>
    public Func<TKey, string[]>? FormatTags { get; init; }
}
