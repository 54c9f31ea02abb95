using HighPerf.Caching.Distributed;
using HighPerf.Caching.Distributed.Backplane.Redis;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Distributed.Support;
using HighPerf.Testing.Redis;
using StackExchange.Redis;
using Xunit;
using Xunit.Abstractions;

namespace HighPerf.Runtime.Tests.Distributed;

[Collection(DistributedCollection.Name)]
public sealed class RedisBackplaneTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly List<RedisBackplane> _nodes = [];
    private readonly string _channel = $"test:{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task MessagePublishedOnA_IsReceivedOnB_AndNotOnA()
    {
        var (a, b) = await StartTwoNodesAsync(redis.Server);
        var inboxA = new InvalidationInbox();
        var inboxB = new InvalidationInbox();
        using var subA = a.Subscribe(inboxA.Handler);
        using var subB = b.Subscribe(inboxB.Handler);

        await a.PublishAsync(Key("42"), default);
        await b.PublishAsync(new CacheInvalidation(CacheInvalidationKind.Method, "Shop.Products.Get", null, null, string.Empty, 0), default);

        Assert.True(await inboxB.WaitForAsync("42"));
        Assert.True(await Eventually.TrueAsync(() => inboxA.Count == 1, Bound));
        var atB = Assert.Single(inboxB.Received).Message;
        Assert.Equal((CacheInvalidationKind.Key, "42", a.NodeId), (atB.Kind, atB.Key, atB.OriginNodeId));
        var atA = Assert.Single(inboxA.Received).Message;
        Assert.Equal((CacheInvalidationKind.Method, "Shop.Products.Get", b.NodeId), (atA.Kind, atA.MethodName, atA.OriginNodeId));
    }

    [Fact]
    public async Task TwoHundredMessages_AreAllDelivered_AndTheLatencyIsReported()
    {
        var (a, b) = await StartTwoNodesAsync(redis.Server);

        var latencies = await BackplaneLatency.MeasureAsync(a, b, count: 200, perMessageTimeout: Bound);

        Assert.Equal(200, latencies.Count);
        output.WriteLine($"Redis pub/sub, A -> B on loopback: {BackplaneLatency.Describe(latencies)}");
    }

    [Fact]
    public async Task SubscriptionConnectionKilled_Reconnects_AndMessagesFlowAgain()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheBackplaneReconnects, HighPerfDiagnostics.CacheBackplaneErrors);
        var (a, b) = await StartTwoNodesAsync(redis.Server);
        var inbox = new InvalidationInbox();
        using var sub = b.Subscribe(inbox.Handler);
        await a.PublishAsync(Key("before"), default);
        Assert.True(await inbox.WaitForAsync("before"));

        await using (var admin = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString + ",allowAdmin=true"))
        {
            await admin.GetDatabase().ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
        }

        Assert.True(await Eventually.TrueAsync(() => metrics.Sum(HighPerfDiagnostics.CacheBackplaneReconnects,
            (HighPerfDiagnostics.BackplaneTransportTag, "redis")) >= 1, Bound));
        var delivered = await Eventually.TrueAsync(async () =>
        {
            await a.PublishAsync(Key("after"), default);
            return await inbox.WaitForAsync("after", TimeSpan.FromMilliseconds(500));
        }, Bound);
        Assert.True(delivered);
        Assert.True(b.IsConnected);
        Assert.True(metrics.Sum(HighPerfDiagnostics.CacheBackplaneErrors, (HighPerfDiagnostics.BackplaneErrorKindTag, "connection")) >= 1);
    }

    [Fact]
    public async Task RedisRestarted_PublishWhileDownDoesNotThrow_AndMessagesFlowOnceBack()
    {
        await using var server = await RedisServer.StartAsync();
        var (a, b) = await StartTwoNodesAsync(server);
        var inbox = new InvalidationInbox();
        using var sub = b.Subscribe(inbox.Handler);

        await server.StopAsync();
        await a.PublishAsync(Key("while-down"), default);
        Assert.True(await Eventually.TrueAsync(() => !b.IsConnected, Bound));
        await server.StartAsync();

        var delivered = await Eventually.TrueAsync(async () =>
        {
            await a.PublishAsync(Key("after-restart"), default);
            return await inbox.WaitForAsync("after-restart", TimeSpan.FromMilliseconds(500));
        }, Bound);
        Assert.True(delivered);
        Assert.True(b.IsConnected);
    }

    [Fact]
    public async Task RedisDownWhenTheBackplaneStarts_SubscribesOnceItIsUp_AndReceivesEachMessageOnce()
    {
        await using var server = await RedisServer.StartAsync();
        await server.StopAsync();
        var late = await RedisBackplane.CreateAsync(server.ConnectionString + ",asyncTimeout=300,connectTimeout=300",
            new RedisBackplaneOptions { Channel = _channel, NodeId = "late-node" });
        _nodes.Add(late);
        var inbox = new InvalidationInbox();
        using var sub = late.Subscribe(inbox.Handler);
        await Assert.ThrowsAnyAsync<Exception>(() => late.WhenConnectedAsync().WaitAsync(Bound));

        await server.StartAsync();
        var sender = await RedisBackplane.CreateAsync(server.ConnectionString, new RedisBackplaneOptions { Channel = _channel, NodeId = "sender" });
        _nodes.Add(sender);

        var delivered = await Eventually.TrueAsync(async () =>
        {
            await sender.PublishAsync(Key("late"), default);
            return await inbox.WaitForAsync("late", TimeSpan.FromMilliseconds(500));
        }, Bound);
        Assert.True(delivered);
        Assert.True(late.IsConnected);
        await sender.PublishAsync(Key("once"), default);
        Assert.True(await inbox.WaitForAsync("once"));
        await Task.Delay(200);
        Assert.Single(inbox.Received, r => r.Message.Key == "once");
    }

    private static CacheInvalidation Key(string key) => new(CacheInvalidationKind.Key, "Shop.Products.Get", key, null, string.Empty, 0);

    private async Task<(RedisBackplane A, RedisBackplane B)> StartTwoNodesAsync(RedisServer server)
    {
        var a = await RedisBackplane.CreateAsync(server.ConnectionString, new RedisBackplaneOptions { Channel = _channel, NodeId = "node-a" });
        _nodes.Add(a);
        var b = await RedisBackplane.CreateAsync(server.ConnectionString, new RedisBackplaneOptions { Channel = _channel, NodeId = "node-b" });
        _nodes.Add(b);
        await Task.WhenAll(a.WhenConnectedAsync(), b.WhenConnectedAsync()).WaitAsync(Bound);
        return (a, b);
    }
}
