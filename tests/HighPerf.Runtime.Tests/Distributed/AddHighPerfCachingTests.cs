using HighPerf.Caching;
using HighPerf.Caching.Distributed;
using HighPerf.Caching.Distributed.Backplane.Postgres;
using HighPerf.Runtime.Tests.Distributed.Support;
using HighPerf.Testing.Postgres;
using HighPerf.Testing.Redis;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace HighPerf.Runtime.Tests.Distributed;

[Collection(DistributedCollection.Name)]
public sealed class AddHighPerfCachingTests(RedisFixture redis, PostgresFixture postgres) : IClassFixture<RedisFixture>, IClassFixture<PostgresFixture>
{
    private readonly ListLoggerProvider _logs = new();

    [Fact]
    public async Task ProviderStarted_InstallsHybridCacheL2AndThePostgresBackplane_AndDisposingUninstallsThem()
    {
        var services = NewServices();
        services.AddStackExchangeRedisCache(o => o.Configuration = redis.Server.ConnectionString);
        services.AddHybridCache();
        services.AddHighPerfCaching(o => o.UsePostgresBackplane(postgres.ConnectionString, p => p.Channel = UniqueChannel()));
        PostgresBackplane backplane;
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.StartHighPerfCachingAsync();

            var environment = HighPerfCaching.Current;
            Assert.IsType<HybridCacheL2>(environment.L2);
            backplane = Assert.IsType<PostgresBackplane>(environment.Backplane);
            Assert.IsType<GuardedDistributedCache>(provider.GetRequiredService<IDistributedCache>());
            await backplane.WhenConnectedAsync().WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(backplane.NodeId, environment.NodeId);
        }

        Assert.Same(CacheEnvironment.Default, HighPerfCaching.Current);
        Assert.False(backplane.IsConnected);
    }

    [Fact]
    public async Task StartedAsAHostedService_InstallsOnStart_AndProviderDisposalUninstallsWithoutError()
    {
        var services = NewServices();
        services.AddHighPerfCaching(o => o.UseBackplane(new RecordingBackplane()));
        var provider = services.BuildServiceProvider();
        var hosted = Assert.Single(provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>());

        await hosted.StartAsync(default);
        Assert.IsType<RecordingBackplane>(HighPerfCaching.Current.Backplane);
        await provider.DisposeAsync();

        Assert.Same(CacheEnvironment.Default, HighPerfCaching.Current);
    }

    [Fact]
    public async Task NoHybridCacheRegistered_InstallsTheBackplaneAlone()
    {
        var services = NewServices();
        var backplane = new RecordingBackplane();
        services.AddHighPerfCaching(o => o.UseBackplane(backplane));
        await using var provider = services.BuildServiceProvider();

        await provider.StartHighPerfCachingAsync();

        Assert.Null(HighPerfCaching.Current.L2);
        Assert.Same(backplane, HighPerfCaching.Current.Backplane);
    }

    [Fact]
    public async Task HybridCacheWithoutADistributedCache_RunsWithoutL2_AndSaysSo()
    {
        var services = NewServices();
        services.AddHybridCache();
        services.AddHighPerfCaching();
        await using var provider = services.BuildServiceProvider();

        await provider.StartHighPerfCachingAsync();

        Assert.Null(HighPerfCaching.Current.L2);
        Assert.Equal(1, _logs.Count("HybridCacheWithoutDistributedCache"));
    }

    [Fact]
    public async Task DistributedCacheRegisteredAfterAddHighPerfCaching_IsUsedUnguarded_WithAWarning()
    {
        var services = NewServices();
        services.AddHighPerfCaching();
        services.AddHybridCache();
        services.AddStackExchangeRedisCache(o => o.Configuration = redis.Server.ConnectionString);
        await using var provider = services.BuildServiceProvider();

        await provider.StartHighPerfCachingAsync();

        Assert.IsType<HybridCacheL2>(HighPerfCaching.Current.L2);
        Assert.IsNotType<GuardedDistributedCache>(provider.GetRequiredService<IDistributedCache>());
        Assert.Equal(1, _logs.Count("DistributedCacheNotGuarded"));
    }

    [Fact]
    public async Task CalledTwice_ConfiguresOneSetOfServices_AndGuardsTheCacheOnce()
    {
        var services = NewServices();
        services.AddStackExchangeRedisCache(o => o.Configuration = redis.Server.ConnectionString);
        services.AddHighPerfCaching(o => o.L2Timeout = TimeSpan.FromSeconds(7));
        services.AddHighPerfCaching(o => o.NodeId = "second-call");
        await using var provider = services.BuildServiceProvider();

        var options = Assert.Single(provider.GetServices<HighPerfCachingOptions>());
        Assert.Equal((TimeSpan.FromSeconds(7), "second-call"), (options.L2Timeout, options.NodeId));
        var guarded = Assert.IsType<GuardedDistributedCache>(provider.GetRequiredService<IDistributedCache>());
        Assert.IsNotType<GuardedDistributedCache>(guarded.Inner);
    }

    [Fact]
    public async Task TagRemovedOnAnotherNode_ReachesThisNodesHybridCache_ThroughTheBackplane()
    {
        string channel = UniqueChannel();
        var services = NewServices();
        services.AddStackExchangeRedisCache(o => o.Configuration = redis.Server.ConnectionString);
        services.AddHybridCache();
        services.AddHighPerfCaching(o => o.UsePostgresBackplane(postgres.ConnectionString, p => p.Channel = channel));
        await using var provider = services.BuildServiceProvider();
        await provider.StartHighPerfCachingAsync();
        var local = HighPerfCaching.Current;
        await ((PostgresBackplane)local.Backplane!).WhenConnectedAsync().WaitAsync(TimeSpan.FromSeconds(15));
        string key = $"tag-replay:{Guid.NewGuid():N}";
        await local.L2!.SetAsync(key, [1, 2, 3], TimeSpan.FromMinutes(5), ["shelf"], default);
        Assert.NotNull(await local.L2.GetAsync(key, default)); // read once: this node's HybridCache now remembers the tag

        await using (var otherNode = new RedisL2Node(redis.Server.ConnectionString))
        await using (var otherBackplane = PostgresBackplane.Create(postgres.ConnectionString, new PostgresBackplaneOptions { Channel = channel }))
        {
            await otherBackplane.WhenConnectedAsync().WaitAsync(TimeSpan.FromSeconds(15));
            await otherNode.L2.RemoveByTagAsync("shelf", default);
            await otherBackplane.PublishAsync(new CacheInvalidation(CacheInvalidationKind.Tag, string.Empty, null, "shelf", string.Empty, 0), default);
        }

        Assert.True(await Eventually.TrueAsync(async () => await local.L2.GetAsync(key, default) is null, TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task MethodClearedOnAnotherNode_ReachesThisNodesHybridCache_ThroughTheBackplane()
    {
        string channel = UniqueChannel();
        string methodName = $"Tests.Cleared.{Guid.NewGuid():N}";
        var services = NewServices();
        services.AddStackExchangeRedisCache(o => o.Configuration = redis.Server.ConnectionString);
        services.AddHybridCache();
        services.AddHighPerfCaching(o => o.UsePostgresBackplane(postgres.ConnectionString, p => p.Channel = channel));
        await using var provider = services.BuildServiceProvider();
        await provider.StartHighPerfCachingAsync();
        var local = HighPerfCaching.Current;
        await ((PostgresBackplane)local.Backplane!).WhenConnectedAsync().WaitAsync(TimeSpan.FromSeconds(15));
        string key = $"method-replay:{Guid.NewGuid():N}";
        await local.L2!.SetAsync(key, [1, 2, 3], TimeSpan.FromMinutes(5), [HighPerfCaching.MethodTag(methodName)], default);
        Assert.NotNull(await local.L2.GetAsync(key, default)); // read once: this node's HybridCache now remembers the tag

        await using (var otherNode = new RedisL2Node(redis.Server.ConnectionString))
        await using (var otherBackplane = PostgresBackplane.Create(postgres.ConnectionString, new PostgresBackplaneOptions { Channel = channel }))
        {
            await otherBackplane.WhenConnectedAsync().WaitAsync(TimeSpan.FromSeconds(15));
            await otherNode.L2.RemoveByTagAsync(HighPerfCaching.MethodTag(methodName), default);
            await otherBackplane.PublishAsync(new CacheInvalidation(CacheInvalidationKind.Method, methodName, null, null, string.Empty, 0), default);
        }

        Assert.True(await Eventually.TrueAsync(async () => await local.L2.GetAsync(key, default) is null, TimeSpan.FromSeconds(15)));
    }

    private ServiceCollection NewServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(_logs);
        return services;
    }

    private static string UniqueChannel() => $"test_{Guid.NewGuid():N}";

    private sealed class RecordingBackplane : ICacheBackplane
    {
        public string NodeId => "recording";

        public bool IsConnected => true;

        public ValueTask PublishAsync(CacheInvalidation message, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public IDisposable Subscribe(Func<CacheInvalidation, ValueTask> handler) => new NoSubscription();

        private sealed class NoSubscription : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
