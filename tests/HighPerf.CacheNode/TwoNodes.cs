using System.Diagnostics;
using HighPerf.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace HighPerf.CacheNode;

/// <summary>
/// The two-node set-up of the cross-node invalidation scenario: node A is this process (caching installed behind a
/// backplane, one <see cref="CachedMethod{TKey, TValue}"/>), node B a child <see cref="CacheNodeLoop"/> on the same
/// channel (L1 is process-wide, so B needs a process of its own). Shared by the <c>measure</c> mode and the tests.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private readonly ServiceProvider _nodeA;
    private readonly CachedMethod<NodeKey, string> _methodOnA;

    private TwoNodes(ServiceProvider nodeA, CachedMethod<NodeKey, string> methodOnA, NodeProcess nodeB)
    {
        _nodeA = nodeA;
        _methodOnA = methodOnA;
        NodeB = nodeB;
    }

    /// <summary>Node B, started and answering (it has replied <c>READY</c>).</summary>
    public NodeProcess NodeB { get; }

    /// <summary>Starts node A, waits for its backplane, then starts node B from <paramref name="cacheNodeAssembly"/>.</summary>
    public static async Task<TwoNodes> StartAsync(string cacheNodeAssembly, NodeTransport transport, string connectionString, TimeSpan bound)
    {
        string channel = $"two_nodes_{Guid.NewGuid():N}";
        string methodName = $"HighPerf.TwoNodes.Get.{Guid.NewGuid():N}";
        var services = new ServiceCollection();
        services.AddHighPerfCaching(o => o.UseBackplane(transport, connectionString, channel));
        ServiceProvider nodeA = services.BuildServiceProvider();
        NodeProcess? nodeB = null;
        try
        {
            await nodeA.StartHighPerfCachingAsync();
            await TransportNames.WhenConnectedAsync(HighPerfCaching.Current.Backplane!, bound);
            var methodOnA = new CachedMethod<NodeKey, string>(new CachedMethodOptions<NodeKey>
            {
                MethodName = methodName,
                Duration = TimeSpan.FromMinutes(5),
                FormatKey = NodeKey.Format,
            });
            nodeB = NodeProcess.Start(cacheNodeAssembly, transport, connectionString, channel, methodName);
            await nodeB.SendAsync("start", "READY", bound);
            return new TwoNodes(nodeA, methodOnA, nodeB);
        }
        catch
        {
            if (nodeB is not null)
            {
                await nodeB.DisposeAsync();
            }

            await nodeA.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One round: B fills key <paramref name="id"/> into its L1, A calls <c>RemoveAsync</c> for it. Returns how long
    /// until B reported the entry gone (both timestamps <see cref="DateTime.UtcNow"/> on one machine) and how long the
    /// caller of <c>RemoveAsync</c> waited.
    /// </summary>
    public async Task<(TimeSpan Gone, TimeSpan RemoveAsync)> InvalidateAsync(int id, TimeSpan bound)
    {
        await NodeB.SendAsync($"fill {id}", "FILLED", bound);
        long invalidatedAt = DateTime.UtcNow.Ticks;
        long started = Stopwatch.GetTimestamp();
        await _methodOnA.RemoveAsync(new NodeKey(id));
        TimeSpan removeAsync = Stopwatch.GetElapsedTime(started);
        string gone = await NodeB.ReadLineStartingWithAsync($"GONE {id} ", bound);
        return (TimeSpan.FromTicks(NodeProcess.ParseTicks(gone) - invalidatedAt), removeAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await NodeB.DisposeAsync();
        await _nodeA.DisposeAsync();
    }
}
