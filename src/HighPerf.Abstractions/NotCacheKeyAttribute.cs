using System;

namespace HighPerf;

/// <summary>
/// Leaves a parameter of a <see cref="CachedAttribute"/> method out of the cache key: calls that differ only in this
/// argument share one entry, and the argument of the call that ran the implementation is the one used.
/// </summary>
/// <example>
/// <code>
/// [Cached]
/// public partial ValueTask&lt;Product?&gt; GetProductAsync(long id, [NotCacheKey] string requestId);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class NotCacheKeyAttribute : Attribute
{
}
