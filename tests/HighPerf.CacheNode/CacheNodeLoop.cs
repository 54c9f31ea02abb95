using System.Globalization;
using HighPerf.CacheNode.Measurement;
using HighPerf.Caching;
using HighPerf.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace HighPerf.CacheNode;

/// <summary>
/// Node B: one cached method behind a real backplane, driven over stdin/stdout (one command per line, one answer
/// per line). It runs in a process of its own because the L1 of <c>[Cached]</c> is process-wide.
/// <code>
/// start           -> READY &lt;node id&gt;     (after the backplane listens)
/// fill &lt;id&gt;       -> FILLED &lt;id&gt;         (the entry is in this node's L1); later GONE &lt;id&gt; &lt;utc ticks&gt;
/// pool-load &lt;n&gt;  -> LOADED &lt;n&gt;          (n work items keep this node's thread pool busy, see ThreadPoolLoad)
/// exit            -> the process ends
/// </code>
/// </summary>
/// <remarks>
/// GONE is written by a backplane subscriber registered after the caching runtime's own: handlers run one after the
/// other for each message, so when it runs, the runtime has already applied the removal to L1 (it checks, and
/// writes STILL-THERE otherwise). The time is taken there, with no polling thread that a loaded machine could delay.
/// </remarks>
public sealed class CacheNodeLoop : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _provider;
    private readonly CachedMethod<NodeKey, string> _method;
    private IDisposable? _probe;
    private ThreadPoolLoad? _poolLoad;

    private CacheNodeLoop(NodeTransport transport, string connectionString, string channel, string methodName)
    {
        var services = new ServiceCollection();
        services.AddHighPerfCaching(options => options.UseBackplane(transport, connectionString, channel));
        _provider = services.BuildServiceProvider();
        _method = new CachedMethod<NodeKey, string>(new CachedMethodOptions<NodeKey>
        {
            MethodName = methodName,
            Duration = TimeSpan.FromMinutes(5),
            FormatKey = NodeKey.Format,
        });
    }

    public static async Task<int> RunAsync(NodeTransport transport, string connectionString, string channel, string methodName)
    {
        await using var node = new CacheNodeLoop(transport, connectionString, channel, methodName);
        string? line;
        while ((line = Console.ReadLine()) is not null && await node.ExecuteAsync(line.Split(' ')))
        {
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        _probe?.Dispose();
        _poolLoad?.Dispose();
        await _provider.DisposeAsync();
    }

    /// <summary>Runs one command; false for <c>exit</c>.</summary>
    private async Task<bool> ExecuteAsync(string[] command)
    {
        switch (command[0])
        {
            case "start":
                await _provider.StartHighPerfCachingAsync();
                var backplane = HighPerfCaching.Current.Backplane!;
                await TransportNames.WhenConnectedAsync(backplane, ConnectTimeout);
                _probe = backplane.Subscribe(ReportRemoval);
                Console.WriteLine($"READY {backplane.NodeId}");
                return true;
            case "fill":
                long id = long.Parse(command[1], CultureInfo.InvariantCulture);
                await _method.GetOrCreateAsync(new NodeKey(id), id,
                    static (state, _, _) => new ValueTask<Cacheable<string>>(Cacheable.Of("filled on node B: " + state)), CancellationToken.None);
                Console.WriteLine($"FILLED {id}");
                return true;
            case "pool-load":
                int workItems = int.Parse(command[1], CultureInfo.InvariantCulture);
                _poolLoad?.Dispose();
                _poolLoad = workItems > 0 ? ThreadPoolLoad.Start(workItems) : null;
                Console.WriteLine($"LOADED {workItems}");
                return true;
            default:
                return command[0] != "exit";
        }
    }

    private ValueTask ReportRemoval(CacheInvalidation message)
    {
        long now = DateTime.UtcNow.Ticks;
        if (message.Kind == CacheInvalidationKind.Key && message.MethodName == _method.MethodName && NodeKey.TryParse(message.Key, out long id))
        {
            // One key is filled at a time: an empty L1 means this key's entry is gone.
            Console.WriteLine(_method.Count == 0 ? $"GONE {id} {now}" : $"STILL-THERE {id}");
        }

        return ValueTask.CompletedTask;
    }
}
