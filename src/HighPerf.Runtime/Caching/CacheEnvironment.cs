using System;
using HighPerf.Caching.Distributed;
using HighPerf.Caching.Expiration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HighPerf.Caching;

/// <summary>
/// The process-wide services every <c>[Cached]</c> method uses: the optional L2 tier and backplane, the clock and
/// the loggers. <c>AddHighPerfCaching</c> builds one at startup and installs it with
/// <see cref="HighPerfCaching.Install"/>; without it, <see cref="Default"/> (L1 only, system clock) is in force.
/// </summary>
/// <remarks>
/// Install the environment before the first cached call: L1 entries store times read from this environment's clock,
/// and a different clock does not share its origin.
/// </remarks>
public sealed class CacheEnvironment
{
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private readonly string? _nodeId;

    /// <summary>L1 only, system clock, no logging.</summary>
    public static CacheEnvironment Default { get; } = new();

    /// <summary>The shared tier asked after an L1 miss; null = L1 only.</summary>
    public ICacheL2? L2 { get; init; }

    /// <summary>
    /// JSON metadata for cached value types that a method's <c>[CacheJsonContext]</c> does not cover: the resolvers the
    /// application registered, then reflection where it is enabled. Default: reflection only (where enabled).
    /// </summary>
    public L2JsonSerializer L2JsonFallback { get; init; } = L2JsonSerializer.Default;

    /// <summary>Broadcasts invalidations to the other nodes; null = single node.</summary>
    public ICacheBackplane? Backplane { get; init; }

    /// <summary>The clock for expiration, sliding expiration, fail-safe and eager refresh. Tests pass a manual one.</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        init
        {
            _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
            Clock = new CacheClock(value);
        }
    }

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>This node's id: the backplane's when there is one, else the one given, else machine-pid-random.</summary>
    public string NodeId
    {
        get => Backplane?.NodeId ?? _nodeId ?? DefaultNodeId;
        init => _nodeId = value;
    }

    /// <summary>
    /// While a configured backplane is disconnected, new L1 entries live at most this long (default 5 s), so a node
    /// that cannot hear invalidations serves stale data for a bounded time. See <see cref="HighPerfCaching.OnBackplaneDisconnected"/>.
    /// </summary>
    public TimeSpan DisconnectedEntryDuration { get; init; } = TimeSpan.FromSeconds(5);

    internal CacheClock Clock { get; private init; } = CacheClock.System;

    private static readonly string DefaultNodeId =
        $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N").Substring(0, 8)}";

    /// <summary>True when a backplane is configured and currently down: entries must get the short TTL.</summary>
    internal bool BackplaneDown
    {
        get
        {
            ICacheBackplane? backplane = Backplane;
            return backplane is not null && !backplane.IsConnected;
        }
    }

    internal long UnixTimeMilliseconds() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    internal ILogger CreateLogger() => LoggerFactory.CreateLogger("HighPerf.Caching");
}
