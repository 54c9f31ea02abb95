using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using HighPerf.Caching.Distributed;
using HighPerf.Caching.Distributed.Backplane.Postgres;
using HighPerf.Caching.Distributed.Backplane.Redis;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What <see cref="HighPerfCachingServiceCollectionExtensions.AddHighPerfCaching"/> sets up: L2, backplane, serialization.</summary>
public sealed class HighPerfCachingOptions
{
    internal readonly List<IJsonTypeInfoResolver> JsonResolvers = [];

    /// <summary>This node's id in backplane messages; null = machine-pid-random.</summary>
    public string? NodeId { get; set; }

    /// <summary>
    /// Use the application's <c>HybridCache</c> as the L2 tier when one is registered (and it has an
    /// <c>IDistributedCache</c> behind it). Default true.
    /// </summary>
    public bool UseHybridCacheL2 { get; set; } = true;

    /// <summary>An L2 call slower than this counts as a failure and the caller goes on without L2. Default 2 s; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> = no limit.</summary>
    public TimeSpan L2Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After an L2 failure, L2 is skipped for this long before one call probes it again. Default 5 s; zero = never skip.</summary>
    public TimeSpan L2BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>While the backplane is disconnected, local entries live at most this long. Default 5 s.</summary>
    public TimeSpan DisconnectedEntryDuration { get; set; } = TimeSpan.FromSeconds(5);

    internal Func<IServiceProvider, string, ILoggerFactory, ValueTask<ICacheBackplane>>? BackplaneFactory { get; private set; }

    /// <summary>True when the backplane was created here (and is disposed with the service provider).</summary>
    internal bool OwnsBackplane { get; private set; }

    /// <summary>
    /// Adds JSON metadata for cached return types (e.g. <c>AppJsonContext.Default</c>), asked in the order added for a
    /// type the method's <c>[CacheJsonContext]</c> does not cover; reflection comes after them where it is enabled.
    /// Prefer <c>[CacheJsonContext]</c>: it ties each method to its metadata at compile time (analyzer HP0112).
    /// </summary>
    public HighPerfCachingOptions AddJsonTypeInfoResolver(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        JsonResolvers.Add(resolver);
        return this;
    }

    /// <summary>Broadcasts invalidations over PostgreSQL LISTEN/NOTIFY at <paramref name="connectionString"/>.</summary>
    public HighPerfCachingOptions UsePostgresBackplane(string connectionString, Action<PostgresBackplaneOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return SetBackplane(owned: true, (_, nodeId, loggers) =>
            new(PostgresBackplane.Create(connectionString, PostgresOptions(nodeId, configure), loggers)));
    }

    /// <summary>Broadcasts invalidations over PostgreSQL LISTEN/NOTIFY through <paramref name="dataSource"/> (not disposed here).</summary>
    public HighPerfCachingOptions UsePostgresBackplane(NpgsqlDataSource dataSource, Action<PostgresBackplaneOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return SetBackplane(owned: true, (_, nodeId, loggers) =>
            new(new PostgresBackplane(dataSource, PostgresOptions(nodeId, configure), loggers)));
    }

    /// <summary>Broadcasts invalidations over PostgreSQL LISTEN/NOTIFY through the <see cref="NpgsqlDataSource"/> registered in the container.</summary>
    public HighPerfCachingOptions UsePostgresBackplane(Action<PostgresBackplaneOptions>? configure = null)
        => SetBackplane(owned: true, (services, nodeId, loggers) =>
            new(new PostgresBackplane(services.GetRequiredService<NpgsqlDataSource>(), PostgresOptions(nodeId, configure), loggers)));

    /// <summary>Broadcasts invalidations over Redis pub/sub; <paramref name="configuration"/> is a StackExchange.Redis configuration string.</summary>
    public HighPerfCachingOptions UseRedisBackplane(string configuration, Action<RedisBackplaneOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        return SetBackplane(owned: true, async (_, nodeId, loggers) =>
            await RedisBackplane.CreateAsync(configuration, RedisOptions(nodeId, configure), loggers).ConfigureAwait(false));
    }

    /// <summary>Broadcasts invalidations over Redis pub/sub through <paramref name="multiplexer"/> (not disposed here).</summary>
    public HighPerfCachingOptions UseRedisBackplane(IConnectionMultiplexer multiplexer, Action<RedisBackplaneOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        return SetBackplane(owned: true, (_, nodeId, loggers) =>
            new(new RedisBackplane(multiplexer, RedisOptions(nodeId, configure), loggers)));
    }

    /// <summary>Broadcasts invalidations through a transport of your own (not disposed here).</summary>
    public HighPerfCachingOptions UseBackplane(ICacheBackplane backplane)
    {
        ArgumentNullException.ThrowIfNull(backplane);
        return SetBackplane(owned: false, (_, _, _) => new(backplane));
    }

    private HighPerfCachingOptions SetBackplane(bool owned, Func<IServiceProvider, string, ILoggerFactory, ValueTask<ICacheBackplane>> factory)
    {
        BackplaneFactory = factory;
        OwnsBackplane = owned;
        return this;
    }

    private static PostgresBackplaneOptions PostgresOptions(string nodeId, Action<PostgresBackplaneOptions>? configure)
    {
        var options = new PostgresBackplaneOptions { NodeId = nodeId };
        configure?.Invoke(options);
        return options;
    }

    private static RedisBackplaneOptions RedisOptions(string nodeId, Action<RedisBackplaneOptions>? configure)
    {
        var options = new RedisBackplaneOptions { NodeId = nodeId };
        configure?.Invoke(options);
        return options;
    }
}
