using Xunit;

namespace HighPerf.Testing.Redis;

/// <summary>One throwaway Redis server shared by the tests of a class (<c>IClassFixture&lt;RedisFixture&gt;</c>).</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The Redis fixture has not been initialized.");

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
