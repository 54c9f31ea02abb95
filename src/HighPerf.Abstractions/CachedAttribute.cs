using System;

namespace HighPerf;

/// <summary>
/// Caches the results of the annotated partial method: a bounded in-process L1 per method (zero allocation on a hit),
/// stampede protection (concurrent misses on one key run the implementation once), and, when the application calls
/// <c>services.AddHighPerfCaching(...)</c>, a distributed L2 and cross-node invalidation.
/// </summary>
/// <remarks>
/// <para>The key is the method plus its parameters, except <c>CancellationToken</c> parameters and those marked
/// <see cref="NotCacheKeyAttribute"/>. Key parameter types should have value equality (primitives, string, enums,
/// Guid, DateTime, records, readonly structs, tuples of those).</para>
/// <para>The store is one per method and shared by every instance of the declaring type. When results depend on
/// instance state (a tenant id...), name those members in <see cref="KeyMembers"/>.</para>
/// <para>The implementation (<c>&lt;MethodName&gt;Core</c>) returns the same type as the method, or
/// <c>HighPerf.Caching.Cacheable&lt;T&gt;</c> in the same wrapper (<c>ValueTask&lt;Cacheable&lt;T&gt;&gt;</c>...) to decide per
/// result: skip caching, its own duration, extra tags.</para>
/// <para>Supported returns: <c>T</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c>. Not on instance methods of structs.</para>
/// </remarks>
/// <example>
/// <code>
/// [Cached(DurationSeconds = 300, Tags = ["product:{id}", "catalog"])]
/// public partial ValueTask&lt;Product?&gt; GetProductAsync(long id, CancellationToken ct = default);
///
/// private async ValueTask&lt;Product?&gt; GetProductAsyncCore(long id, CancellationToken ct) { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CachedAttribute : PipelineStageAttribute
{
    /// <summary>Default of <see cref="DurationSeconds"/>: five minutes.</summary>
    public const int DefaultDurationSeconds = 300;

    /// <summary>Absolute expiration of an entry, in seconds from the moment it is stored. Default 300. Must be positive.</summary>
    public int DurationSeconds { get; set; } = DefaultDurationSeconds;

    /// <summary>When positive, an entry not read for this many seconds expires early (never later than
    /// <see cref="DurationSeconds"/>). <c>0</c>, the default, turns sliding expiration off.</summary>
    public int SlidingSeconds { get; set; }

    /// <summary>Maximum L1 entries of this method; beyond it the least useful entries are evicted (S3-FIFO).
    /// <c>0</c>, the default, uses the runtime default of 10,000.</summary>
    public int MaxEntries { get; set; }

    /// <summary>0..100: each entry's lifetime is shortened by a random part of up to this percentage, so entries
    /// written together do not expire together. Default 0.</summary>
    public int JitterPercent { get; set; }

    /// <summary>Whether a <c>null</c> result is stored (default true) or recomputed on every call.</summary>
    public bool CacheNull { get; set; } = true;

    /// <summary>When positive, an exception thrown by the implementation is replayed to callers for this many
    /// seconds before the implementation runs again. <c>0</c>, the default: exceptions are never cached.</summary>
    public int NegativeCacheSeconds { get; set; }

    /// <summary>When positive and the implementation throws, a value that expired less than this many seconds ago
    /// is returned instead of the exception (fail-safe). <c>0</c>, the default, turns it off.</summary>
    public int FailSafeSeconds { get; set; }

    /// <summary>1..99: an entry hit after this percentage of its lifetime is refreshed once in the background, so hot
    /// keys never expire under traffic (e.g. 80). <c>0</c>, the default, turns it off.</summary>
    public int EagerRefreshPercent { get; set; }

    /// <summary>Tag templates attached to every entry, e.g. <c>"product:{id}"</c> (a key parameter or
    /// <see cref="KeyMembers"/> name in braces) or <c>"catalog"</c>. Remove tagged entries everywhere with
    /// <c>HighPerfCaching.RemoveByTagAsync</c>.</summary>
    public string[]? Tags { get; set; }

    /// <summary>Instance fields or properties added to the key, e.g. <c>[nameof(TenantId)]</c>, when the result
    /// depends on them: without them every instance shares the same entries.</summary>
    public string[]? KeyMembers { get; set; }

    /// <summary>True (default): use the L2 tier and the invalidation backplane when the application configured them.
    /// False: this method is cached in this process only.</summary>
    public bool Distributed { get; set; } = true;
}
