namespace HighPerf.Caching.Distributed;

/// <summary>What an invalidation message removes.</summary>
public enum CacheInvalidationKind
{
    /// <summary>One entry: <see cref="CacheInvalidation.MethodName"/> + <see cref="CacheInvalidation.Key"/>.</summary>
    Key,

    /// <summary>Every entry (of every method) carrying <see cref="CacheInvalidation.Tag"/>.</summary>
    Tag,

    /// <summary>Every entry of <see cref="CacheInvalidation.MethodName"/>.</summary>
    Method,
}

/// <summary>One invalidation broadcast over an <see cref="ICacheBackplane"/>.</summary>
/// <param name="Kind">What to remove.</param>
/// <param name="MethodName">The cached method (<c>CachedMethodOptions.MethodName</c>); empty for <see cref="CacheInvalidationKind.Tag"/>.</param>
/// <param name="Key">The formatted key (<c>CachedMethodOptions.FormatKey</c>) for <see cref="CacheInvalidationKind.Key"/>.</param>
/// <param name="Tag">The tag for <see cref="CacheInvalidationKind.Tag"/>.</param>
/// <param name="OriginNodeId">The sending node's <see cref="ICacheBackplane.NodeId"/>.</param>
/// <param name="TimestampUnixMs">When it was sent (Unix milliseconds, the sender's clock); receivers report the lag.</param>
public readonly record struct CacheInvalidation(
    CacheInvalidationKind Kind,
    string MethodName,
    string? Key,
    string? Tag,
    string OriginNodeId,
    long TimestampUnixMs);
