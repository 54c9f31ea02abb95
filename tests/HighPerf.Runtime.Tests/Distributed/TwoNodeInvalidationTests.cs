using HighPerf.CacheNode;
using HighPerf.Runtime.Tests.Distributed.Support;
using HighPerf.Testing.Postgres;
using HighPerf.Testing.Redis;
using Xunit;
using Xunit.Abstractions;

namespace HighPerf.Runtime.Tests.Distributed;

/// <summary>
/// The two-node scenario: node A (this process) and node B (a child process, because L1 is process-wide)
/// share one throwaway server. Invalidating a key on A must remove B's L1 entry over the backplane. The latency is
/// printed, never asserted; `HighPerf.CacheNode measure` is the repeatable measurement (docs/benchmarks-caching-backplane.md).
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class TwoNodeInvalidationTests(PostgresFixture postgres, RedisFixture redis, ITestOutputHelper output)
    : IClassFixture<PostgresFixture>, IClassFixture<RedisFixture>
{
    private const int Rounds = 50;
    private const int WarmUpRounds = 5; // first rounds pay for JIT in both processes: run, checked, not timed
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(NodeTransport.Postgres)]
    [InlineData(NodeTransport.Redis)]
    public async Task KeyInvalidatedOnNodeA_IsGoneFromNodeBsL1(NodeTransport transport)
    {
        string connectionString = transport == NodeTransport.Postgres ? postgres.ConnectionString : redis.Server.ConnectionString;
        await using var nodes = await TwoNodes.StartAsync(CacheNodeProcess.LocateAssembly(), transport, connectionString, Bound);

        var latencies = new List<TimeSpan>(Rounds);
        for (int id = -WarmUpRounds; id < Rounds; id++)
        {
            var (gone, _) = await nodes.InvalidateAsync(id, Bound);
            if (id >= 0)
            {
                latencies.Add(gone);
            }
        }

        Assert.Equal(Rounds, latencies.Count);
        output.WriteLine($"Invalidate on A -> B's L1 entry gone ({transport} backplane, separate processes): {BackplaneLatency.Describe(latencies)}");
    }
}
