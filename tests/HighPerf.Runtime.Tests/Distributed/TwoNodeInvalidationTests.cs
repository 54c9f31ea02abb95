using HighPerf.Caching;
using HighPerf.Caching.Distributed.Backplane.Postgres;
using HighPerf.Runtime.Tests.Distributed.Support;
using HighPerf.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace HighPerf.Runtime.Tests.Distributed;

/// <summary>
/// The two-node scenario: node A (this process) and node B (a child process, because L1 is process-wide)
/// share one throwaway PostgreSQL. Invalidating a key on A must remove B's L1 entry over the LISTEN/NOTIFY backplane.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class TwoNodeInvalidationTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int Rounds = 50;
    private const int WarmUpRounds = 5; // first rounds pay for JIT in both processes: run, checked, not timed
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task KeyInvalidatedOnNodeA_IsGoneFromNodeBsL1()
    {
        string channel = $"two_nodes_{Guid.NewGuid():N}";
        string methodName = $"Tests.TwoNodes.Get.{Guid.NewGuid():N}";
        var services = new ServiceCollection();
        services.AddHighPerfCaching(o => o.UsePostgresBackplane(postgres.ConnectionString, p => p.Channel = channel));
        await using var nodeA = services.BuildServiceProvider();
        await nodeA.StartHighPerfCachingAsync();
        await ((PostgresBackplane)HighPerfCaching.Current.Backplane!).WhenConnectedAsync().WaitAsync(Bound);
        var methodOnA = new CachedMethod<NodeKey, string>(new CachedMethodOptions<NodeKey>
        {
            MethodName = methodName,
            Duration = TimeSpan.FromMinutes(5),
            FormatKey = NodeKey.Format,
        });
        await using var nodeB = CacheNodeProcess.Start(postgres.ConnectionString, channel, methodName);
        await nodeB.SendAsync("start", "READY", Bound);

        var latencies = new List<TimeSpan>(Rounds);
        for (int id = -WarmUpRounds; id < Rounds; id++)
        {
            await nodeB.SendAsync($"fill {id}", "FILLED", Bound);
            long invalidatedAt = DateTime.UtcNow.Ticks;
            await methodOnA.RemoveAsync(new NodeKey(id));
            string gone = await nodeB.ReadLineStartingWithAsync($"GONE {id} ", Bound);
            if (id >= 0)
            {
                latencies.Add(TimeSpan.FromTicks(CacheNodeProcess.ParseTicks(gone) - invalidatedAt));
            }
        }

        Assert.Equal(Rounds, latencies.Count);
        output.WriteLine($"Invalidate on A -> B's L1 entry gone (PostgreSQL backplane, separate processes): {BackplaneLatency.Describe(latencies)}");
    }
}

/// <summary>Node A's key; its format must match tests/HighPerf.CacheNode/NodeKey.cs, as both nodes' generated code would.</summary>
public readonly record struct NodeKey(long Id)
{
    public static string Format(NodeKey key) => "node:" + key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
