using HighPerf.Caching.Distributed.Backplane.Postgres;
using HighPerf.Caching.Distributed.Backplane.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace HighPerf.CacheNode;

/// <summary>The backplane both nodes of a run use.</summary>
public enum NodeTransport
{
    Postgres,
    Redis,
}

public static class TransportNames
{
    public static string Name(this NodeTransport transport) => transport == NodeTransport.Postgres ? "postgres" : "redis";

    public static bool TryParse(string name, out NodeTransport transport)
    {
        (bool known, transport) = name switch
        {
            "postgres" => (true, NodeTransport.Postgres),
            "redis" => (true, NodeTransport.Redis),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>Registers the transport's backplane on <paramref name="channel"/>, as an application would.</summary>
    public static HighPerfCachingOptions UseBackplane(this HighPerfCachingOptions options, NodeTransport transport, string connectionString, string channel)
        => transport == NodeTransport.Postgres
            ? options.UsePostgresBackplane(connectionString, backplane => backplane.Channel = channel)
            : options.UseRedisBackplane(connectionString, backplane => backplane.Channel = channel);

    /// <summary>Completes when the installed backplane listens (both transports expose <c>WhenConnectedAsync</c>).</summary>
    public static Task WhenConnectedAsync(object backplane, TimeSpan timeout) => backplane switch
    {
        PostgresBackplane postgres => postgres.WhenConnectedAsync().WaitAsync(timeout),
        RedisBackplane redis => redis.WhenConnectedAsync().WaitAsync(timeout),
        _ => throw new InvalidOperationException($"Unexpected backplane {backplane.GetType()}."),
    };
}
