namespace HighPerf.Diagnostics;

/// <summary>The names of the <c>[Cached]</c> instruments and their tags (all carry <see cref="FunctionTag"/>, except backplane ones).</summary>
public static partial class HighPerfDiagnostics
{
    /// <summary>Counter: lookups answered by a tier (<see cref="CacheTierTag"/>).</summary>
    public const string CacheHits = "highperf.cache.hits";

    /// <summary>Counter: lookups a tier could not answer (<see cref="CacheTierTag"/>).</summary>
    public const string CacheMisses = "highperf.cache.misses";

    /// <summary>Counter: L1 entries dropped by the store (<see cref="CacheEvictionReasonTag"/>).</summary>
    public const string CacheEvictions = "highperf.cache.evictions";

    /// <summary>Counter: callers that joined a factory run already in flight for their key instead of starting one.</summary>
    public const string CacheStampedeJoins = "highperf.cache.stampede.joins";

    /// <summary>Observable gauge: L1 entries held per method.</summary>
    public const string CacheEntries = "highperf.cache.entries";

    /// <summary>Counter: failed factory runs answered with a stale value inside the fail-safe window.</summary>
    public const string CacheFailSafeUses = "highperf.cache.failsafe.uses";

    /// <summary>Counter: background refreshes started for entries hit late in their lifetime.</summary>
    public const string CacheEagerRefreshes = "highperf.cache.eager_refreshes";

    /// <summary>Counter: invalidation messages sent or received (<see cref="CacheDirectionTag"/>, <see cref="CacheInvalidationKindTag"/>).</summary>
    public const string CacheBackplaneMessages = "highperf.cache.backplane.messages";

    /// <summary>Histogram, seconds: delay between sending an invalidation and receiving it (clocks of two nodes).</summary>
    public const string CacheBackplaneLag = "highperf.cache.backplane.lag";

    /// <summary>Tag: <see cref="CacheTierL1"/> or <see cref="CacheTierL2"/>.</summary>
    public const string CacheTierTag = "highperf.cache.tier";

    /// <summary>Tag: <see cref="CacheEvictionCapacity"/> or <see cref="CacheEvictionExpired"/>.</summary>
    public const string CacheEvictionReasonTag = "highperf.cache.eviction.reason";

    /// <summary>Tag: <see cref="CacheDirectionSent"/> or <see cref="CacheDirectionReceived"/>.</summary>
    public const string CacheDirectionTag = "highperf.cache.direction";

    /// <summary>Tag: <c>key</c>, <c>tag</c> or <c>method</c>.</summary>
    public const string CacheInvalidationKindTag = "highperf.cache.invalidation.kind";

    public const string CacheTierL1 = "l1";
    public const string CacheTierL2 = "l2";
    public const string CacheEvictionCapacity = "capacity";
    public const string CacheEvictionExpired = "expired";
    public const string CacheDirectionSent = "sent";
    public const string CacheDirectionReceived = "received";
}
