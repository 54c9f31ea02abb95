using System.Net.Sockets;
using HighPerf.Testing.Processes;
using HighPerf.Testing.Redis;
using Xunit;

namespace HighPerf.Runtime.Tests.Infrastructure;

public sealed class RedisServerTests
{
    [Fact]
    public async Task StartAsync_NewServer_AnswersPingOverRawSocket()
    {
        await using var redis = await RedisServer.StartAsync();

        Assert.Equal("+PONG", await RedisPing.SendAsync(redis.Port));
        Assert.Equal($"127.0.0.1:{redis.Port},abortConnect=false", redis.ConnectionString);
    }

    [Fact]
    public async Task StopAsync_ThenStartAsync_RefusesConnectionsThenAnswersAgainOnTheSamePort()
    {
        await using var redis = await RedisServer.StartAsync();
        var port = redis.Port;

        await redis.StopAsync();

        Assert.False(redis.IsRunning);
        await Assert.ThrowsAsync<SocketException>(() => RedisPing.SendAsync(port));

        await redis.StartAsync();

        Assert.True(redis.IsRunning);
        Assert.Equal(port, redis.Port);
        Assert.Equal("+PONG", await RedisPing.SendAsync(port));
    }

    [Fact]
    public async Task StartAsync_WhileRunning_ThrowsInvalidOperationException()
    {
        await using var redis = await RedisServer.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => redis.StartAsync());
        Assert.Equal("+PONG", await RedisPing.SendAsync(redis.Port));
    }

    [Fact]
    public async Task DisposeAsync_RunningServer_ClosesItsPort()
    {
        var redis = await RedisServer.StartAsync();

        await redis.DisposeAsync();

        Assert.False(await FreeTcpPort.IsAcceptingConnectionsAsync(redis.Port));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => redis.StartAsync());
    }

    [Fact]
    public async Task StartAsync_MissingExecutable_ThrowsNamingTheDebianPackage()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-redis-{Guid.NewGuid():N}", "redis-server");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RedisServer.StartAsync(missing));

        Assert.Contains("install the Debian package redis-server", error.Message);
    }
}
