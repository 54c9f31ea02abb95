using Xunit;
using HighPerf.Caching.Distributed;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HighPerf.Runtime.Tests.Distributed.Support;

/// <summary>
/// One application's container with HybridCache over Redis and AddHighPerfCaching, and the L2 tier built from it,
/// without installing anything process-wide. Two of them on one Redis are two nodes.
/// </summary>
internal sealed class RedisL2Node : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public RedisL2Node(string redisConfiguration, TimeSpan? breakDuration = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(Logs);
        services.AddStackExchangeRedisCache(options =>
        {
            options.Configuration = redisConfiguration + ",connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000";
            options.InstanceName = "highperf-tests:";
        });
        services.AddHybridCache();
        services.AddHighPerfCaching(options =>
        {
            options.L2BreakDuration = breakDuration ?? TimeSpan.FromMilliseconds(200);
            // Generous: the first call pays for connecting and JIT on a busy two-core machine.
            options.L2Timeout = TimeSpan.FromSeconds(3);
            options.AddJsonTypeInfoResolver(TestJsonContext.Default);
        });
        _services = services.BuildServiceProvider();
        L2 = new HybridCacheL2(_services.GetRequiredService<HybridCache>(), Logs.CreateLogger(DistributedCacheLog.Category));
    }

    public ListLoggerProvider Logs { get; } = new();

    public HybridCacheL2 L2 { get; }

    public IDistributedCache DistributedCache => _services.GetRequiredService<IDistributedCache>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
