using System;

namespace HighPerf.Caching.Distributed.Backplane.Redis;

/// <summary>Settings of <see cref="RedisBackplane"/>.</summary>
public sealed class RedisBackplaneOptions
{
    /// <summary>The pub/sub channel every node of one application shares. Default <c>highperf_cache</c>.</summary>
    public string Channel { get; set; } = "highperf_cache";

    /// <summary>This node's id; null = machine-pid-random.</summary>
    public string? NodeId { get; set; }

    /// <summary>Longest time a publish may take before it is abandoned (counted and logged). Default 2 s.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock for message timestamps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
