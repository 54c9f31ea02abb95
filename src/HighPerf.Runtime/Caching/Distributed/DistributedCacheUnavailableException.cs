using System;

namespace HighPerf.Caching.Distributed;

/// <summary>
/// Thrown to HybridCache (never to application code) when it reads a tag-invalidation record while the L2 circuit
/// breaker is open, so that HybridCache treats the tag as invalidated rather than as never invalidated.
/// </summary>
internal sealed class DistributedCacheUnavailableException : Exception
{
    public DistributedCacheUnavailableException()
        : base("The distributed cache is skipped for a moment after a failure (circuit breaker open).")
    {
    }

    public DistributedCacheUnavailableException(string message)
        : base(message)
    {
    }

    public DistributedCacheUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
