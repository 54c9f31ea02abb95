using Xunit;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Distributed.Support;
using HighPerf.Testing.Redis;
using StackExchange.Redis;

namespace HighPerf.Runtime.Tests.Distributed;

[Collection(DistributedCollection.Name)]
public sealed class HybridCacheL2Tests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);

    private string Configuration => redis.Server.ConnectionString;

    [Fact]
    public async Task ValueSetOnOneNode_IsFoundByAnotherNode_ThroughRedis()
    {
        await using var writer = new RedisL2Node(Configuration);
        await using var reader = new RedisL2Node(Configuration);
        var product = new Product(42, "Kettle", 19.90m);

        await writer.L2.SetAsync("product:42", product, Duration, ["catalog"], default);
        var (found, value) = await reader.L2.TryGetAsync<Product>("product:42", default);

        Assert.True(found);
        Assert.Equal(product, value);
    }

    [Fact]
    public async Task KeyNeverWritten_IsAMiss()
    {
        await using var node = new RedisL2Node(Configuration);

        var (found, value) = await node.L2.TryGetAsync<Product>($"missing:{Guid.NewGuid():N}", default);

        Assert.False(found);
        Assert.Null(value);
    }

    [Fact]
    public async Task CachedNull_IsAHitWithNull_NotAMiss()
    {
        await using var node = new RedisL2Node(Configuration);

        await node.L2.SetAsync<string?>("null-value", null, Duration, null, default);
        var (found, value) = await node.L2.TryGetAsync<string?>("null-value", default);

        Assert.True(found);
        Assert.Null(value);
    }

    [Fact]
    public async Task RemovedKey_IsAMissOnEveryNode()
    {
        await using var first = new RedisL2Node(Configuration);
        await using var second = new RedisL2Node(Configuration);
        await first.L2.SetAsync("to-remove", new Product(1, "Cup", 2m), Duration, null, default);

        await second.L2.RemoveAsync("to-remove", default);

        Assert.False((await first.L2.TryGetAsync<Product>("to-remove", default)).Found);
        Assert.False((await second.L2.TryGetAsync<Product>("to-remove", default)).Found);
    }

    [Fact]
    public async Task RemovedTag_MakesItsEntriesMisses_AndLeavesOtherEntries()
    {
        await using var node = new RedisL2Node(Configuration);
        await node.L2.SetAsync("tagged", new Product(7, "Pan", 30m), Duration, ["shelf:7"], default);
        await node.L2.SetAsync("untagged", new Product(8, "Pot", 35m), Duration, null, default);

        await node.L2.RemoveByTagAsync("shelf:7", default);

        Assert.False((await node.L2.TryGetAsync<Product>("tagged", default)).Found);
        Assert.True((await node.L2.TryGetAsync<Product>("untagged", default)).Found);
    }

    [Fact]
    public async Task TagRemovedOnAnotherNode_IsSeenOnceReplayedLocally()
    {
        // HybridCache reads a tag's invalidation time from L2 once per process; AddHighPerfCaching replays other
        // nodes' tag removals (received over the backplane) into the local HybridCache. This is that replay.
        await using var first = new RedisL2Node(Configuration);
        await using var second = new RedisL2Node(Configuration);
        await first.L2.SetAsync("tagged-remote", new Product(9, "Lid", 3m), Duration, ["shelf:9"], default);
        Assert.True((await first.L2.TryGetAsync<Product>("tagged-remote", default)).Found);

        await second.L2.RemoveByTagAsync("shelf:9", default);
        await first.L2.RemoveByTagAsync("shelf:9", default);

        Assert.False((await first.L2.TryGetAsync<Product>("tagged-remote", default)).Found);
    }

    [Fact]
    public async Task ValueThatCannotBeSerialized_IsNotWritten_AndTheFailureIsCountedAndLogged()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheL2Errors);
        await using var node = new RedisL2Node(Configuration);

        await node.L2.SetAsync("unserializable", new Unserializable(), Duration, null, default);

        Assert.False((await node.L2.TryGetAsync<Unserializable>("unserializable", default)).Found);
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheL2Errors, (HighPerfDiagnostics.L2OperationTag, HighPerfDiagnostics.L2OperationSet)));
        Assert.Equal(1, node.Logs.Count("L2SerializationFailed"));
    }

    [Fact]
    public async Task StoredValueOfAnotherShape_IsAMiss_AndTheFailureIsCounted()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheL2Errors);
        await using var node = new RedisL2Node(Configuration);
        await node.L2.SetAsync("a-string", "not a product", Duration, null, default);

        var (found, _) = await node.L2.TryGetAsync<Product>("a-string", default);

        Assert.False(found);
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheL2Errors, (HighPerfDiagnostics.L2OperationTag, HighPerfDiagnostics.L2OperationGet)));
    }

    [Fact]
    public async Task RedisStoppedMidTest_CallsDoNotThrow_FailuresAreCounted_AndRedisIsUsedAgainOnceBack()
    {
        await using var server = await RedisServer.StartAsync();
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheL2Errors, HighPerfDiagnostics.CacheL2Skipped, HighPerfDiagnostics.CacheL2CircuitOpened);
        await using var node = new RedisL2Node(server.ConnectionString, breakDuration: TimeSpan.FromMilliseconds(300));
        await node.L2.SetAsync("before", new Product(1, "Before", 1m), Duration, null, default);
        Assert.True((await node.L2.TryGetAsync<Product>("before", default)).Found);

        await server.StopAsync();

        var (foundWhileDown, _) = await node.L2.TryGetAsync<Product>("before", default);
        await node.L2.SetAsync("during", new Product(2, "During", 2m), Duration, null, default);
        await node.L2.RemoveAsync("before", default);
        await node.L2.RemoveByTagAsync("any", default);
        Assert.False(foundWhileDown);
        Assert.True(metrics.Sum(HighPerfDiagnostics.CacheL2Errors) >= 1);
        Assert.True(metrics.Sum(HighPerfDiagnostics.CacheL2CircuitOpened) >= 1);
        Assert.True(metrics.Sum(HighPerfDiagnostics.CacheL2Skipped) >= 1, "calls right after the failure skip the dead backend");
        Assert.True(node.Logs.Count("L2OperationFailed") >= 1);

        await server.StartAsync();

        var usedAgain = await Eventually.TrueAsync(async () =>
        {
            await node.L2.SetAsync("after", new Product(3, "After", 3m), Duration, null, default);
            return (await node.L2.TryGetAsync<Product>("after", default)).Found;
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        Assert.True(usedAgain);
        await using var direct = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        Assert.True(await direct.GetDatabase().KeyExistsAsync("highperf-tests:after"), "the value is in Redis, not in a local copy");
        Assert.True(node.Logs.Count("L2CircuitClosed") >= 1);
    }
}
