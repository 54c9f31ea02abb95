using HighPerf.Testing.Postgres;
using HighPerf.Testing.Redis;

namespace HighPerf.CacheNode.Measurement;

/// <summary>A throwaway PostgreSQL or Redis server on loopback for one measured run.</summary>
public sealed class TransportServer : IAsyncDisposable
{
    private readonly IAsyncDisposable _server;

    private TransportServer(IAsyncDisposable server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TransportServer> StartAsync(NodeTransport transport)
    {
        if (transport == NodeTransport.Postgres)
        {
            var postgres = await PostgresServer.StartAsync();
            return new TransportServer(postgres, postgres.ConnectionString);
        }

        var redis = await RedisServer.StartAsync();
        return new TransportServer(redis, redis.ConnectionString);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
