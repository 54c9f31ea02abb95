using System;

namespace HighPerf.Caching.Distributed.Backplane.Postgres;

/// <summary>Settings of <see cref="PostgresBackplane"/>.</summary>
public sealed class PostgresBackplaneOptions
{
    /// <summary>The LISTEN/NOTIFY channel every node of one application shares. Default <c>highperf_cache</c>.</summary>
    /// <remarks>1-63 characters of letters, digits and <c>_</c>, not starting with a digit; case-sensitive.</remarks>
    public string Channel { get; set; } = "highperf_cache";

    /// <summary>This node's id; null = machine-pid-random.</summary>
    public string? NodeId { get; set; }

    /// <summary>First delay before reconnecting after the listening connection drops (doubles per failed attempt, with jitter). Default 100 ms.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between reconnect attempts. Default 5 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the listening connection may stay silent before it is checked with a query (which must answer within
    /// 5 s), so a connection that died without a word (a network partition) is noticed. Default 15 s.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest time a publish may take before it is abandoned (counted and logged). Default 2 s.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock for message timestamps and reconnect delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
