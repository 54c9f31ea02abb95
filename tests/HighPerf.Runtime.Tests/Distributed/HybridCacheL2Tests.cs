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

    private static readonly byte[] Payload = [1, 2, 3, 4];

    [Fact]
    public async Task PayloadSetOnOneNode_IsFoundByAnotherNode_ByteForByte_ThroughRedis()
    {
        await using var writer = new RedisL2Node(Configuration);
        await using var reader = new RedisL2Node(Configuration);

        await writer.L2.SetAsync("payload:42", Payload, Duration, ["catalog"], default);

        Assert.Equal(Payload, await reader.L2.GetAsync("payload:42", default));
    }

    [Fact]
    public async Task KeyNeverWritten_IsAMiss()
    {
        await using var node = new RedisL2Node(Configuration);

        Assert.Null(await node.L2.GetAsync($"missing:{Guid.NewGuid():N}", default));
    }

    [Fact]
    public async Task RemovedKey_IsAMissOnEveryNode()
    {
        await using var first = new RedisL2Node(Configuration);
        await using var second = new RedisL2Node(Configuration);
        await first.L2.SetAsync("to-remove", Payload, Duration, null, default);

        await second.L2.RemoveAsync("to-remove", default);

        Assert.Null(await first.L2.GetAsync("to-remove", default));
        Assert.Null(await second.L2.GetAsync("to-remove", default));
    }

    [Fact]
    public async Task RemovedTag_MakesItsEntriesMisses_AndLeavesOtherEntries()
    {
        await using var node = new RedisL2Node(Configuration);
        await node.L2.SetAsync("tagged", Payload, Duration, ["shelf:7"], default);
        await node.L2.SetAsync("untagged", Payload, Duration, null, default);

        await node.L2.RemoveByTagAsync("shelf:7", default);

        Assert.Null(await node.L2.GetAsync("tagged", default));
        Assert.NotNull(await node.L2.GetAsync("untagged", default));
    }

    [Fact]
    public async Task TagRemovedOnAnotherNode_IsSeenOnceReplayedLocally()
    {
        // HybridCache reads a tag's invalidation time from L2 once per process; AddHighPerfCaching replays other
        // nodes' tag removals (received over the backplane) into the local HybridCache. This is that replay.
        await using var first = new RedisL2Node(Configuration);
        await using var second = new RedisL2Node(Configuration);
        await first.L2.SetAsync("tagged-remote", Payload, Duration, ["shelf:9"], default);
        Assert.NotNull(await first.L2.GetAsync("tagged-remote", default));

        await second.L2.RemoveByTagAsync("shelf:9", default);
        await first.L2.RemoveByTagAsync("shelf:9", default);

        Assert.Null(await first.L2.GetAsync("tagged-remote", default));
    }

    [Fact]
    public async Task RedisStoppedMidTest_CallsDoNotThrow_FailuresAreCounted_AndRedisIsUsedAgainOnceBack()
    {
        await using var server = await RedisServer.StartAsync();
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheL2Errors, HighPerfDiagnostics.CacheL2Skipped, HighPerfDiagnostics.CacheL2CircuitOpened);
        await using var node = new RedisL2Node(server.ConnectionString, breakDuration: TimeSpan.FromMilliseconds(300));
        await node.L2.SetAsync("before", Payload, Duration, null, default);
        Assert.NotNull(await node.L2.GetAsync("before", default));

        await server.StopAsync();

        byte[]? readWhileDown = await node.L2.GetAsync("before", default);
        await node.L2.SetAsync("during", Payload, Duration, null, default);
        await node.L2.RemoveAsync("before", default);
        await node.L2.RemoveByTagAsync("any", default);
        Assert.Null(readWhileDown);
        Assert.True(metrics.Sum(HighPerfDiagnostics.CacheL2Errors) >= 1);
        Assert.True(metrics.Sum(HighPerfDiagnostics.CacheL2CircuitOpened) >= 1);
        Assert.True(metrics.Sum(HighPerfDiagnostics.CacheL2Skipped) >= 1, "calls right after the failure skip the dead backend");
        Assert.True(node.Logs.Count("L2OperationFailed") >= 1);

        await server.StartAsync();

        var usedAgain = await Eventually.TrueAsync(async () =>
        {
            await node.L2.SetAsync("after", Payload, Duration, null, default);
            return await node.L2.GetAsync("after", default) is not null;
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        Assert.True(usedAgain);
        await using var direct = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        Assert.True(await direct.GetDatabase().KeyExistsAsync("highperf-tests:after"), "the value is in Redis, not in a local copy");
        Assert.True(node.Logs.Count("L2CircuitClosed") >= 1);
    }
}
