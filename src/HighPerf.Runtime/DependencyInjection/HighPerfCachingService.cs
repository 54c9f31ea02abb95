using System;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Caching;
using HighPerf.Caching.Distributed;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Builds the <see cref="CacheEnvironment"/> from the container at start and installs it process-wide
/// (<see cref="HighPerfCaching.Install"/>); stopping or disposing uninstalls it and closes an owned backplane.
/// </summary>
internal sealed partial class HighPerfCachingService(IServiceProvider services, HighPerfCachingOptions options) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IDisposable? _installation;
    private IDisposable? _tagForwarding;
    private ICacheBackplane? _ownedBackplane;

    public CacheEnvironment? Environment { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Environment is not null)
            {
                return;
            }

            var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            var logger = loggers.CreateLogger(DistributedCacheLog.Category);
            string nodeId = options.NodeId ?? HighPerf.Caching.Distributed.Backplane.BackplaneNode.NewNodeId();
            ICacheL2? l2 = CreateL2(logger);
            ICacheBackplane? backplane = options.BackplaneFactory is { } factory
                ? await factory(services, nodeId, loggers).ConfigureAwait(false)
                : null;
            if (options.OwnsBackplane)
            {
                _ownedBackplane = backplane;
            }

            if (l2 is not null && backplane is not null)
            {
                // Subscribed before Install so it runs before the L1 removal of the same message: HybridCache reads a
                // tag's invalidation time from L2 once per process, so other nodes' tag removals must be replayed
                // into it, or an L1 miss right after could refill L1 from a logically invalidated L2 entry.
                // A method message (CachedMethod.ClearAsync, or a key too long for the transport) is the method's
                // own L2 tag, replayed the same way.
                _tagForwarding = backplane.Subscribe(message => message switch
                {
                    { Kind: CacheInvalidationKind.Tag, Tag: { } tag } => l2.RemoveByTagAsync(tag, CancellationToken.None),
                    { Kind: CacheInvalidationKind.Method } => l2.RemoveByTagAsync(HighPerfCaching.MethodTag(message.MethodName), CancellationToken.None),
                    _ => ValueTask.CompletedTask,
                });
            }

            var environment = new CacheEnvironment
            {
                L2 = l2,
                L2JsonFallback = new L2JsonSerializer(options.JsonResolvers),
                Backplane = backplane,
                NodeId = nodeId,
                TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System,
                LoggerFactory = loggers,
                DisconnectedEntryDuration = options.DisconnectedEntryDuration,
            };
            _installation = HighPerfCaching.Install(environment);
            Environment = environment;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Interlocked.Exchange(ref _installation, null)?.Dispose();
            Interlocked.Exchange(ref _tagForwarding, null)?.Dispose();
            if (Interlocked.Exchange(ref _ownedBackplane, null) is { } backplane)
            {
                await DisposeBackplaneAsync(backplane).ConfigureAwait(false);
            }

            Environment = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    // The container may dispose this twice (it is resolved both as itself and as an IHostedService): stopping is
    // idempotent, and the semaphore is never disposed (SemaphoreSlim only needs it once its wait handle was used).
    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));

    private ICacheL2? CreateL2(ILogger logger)
    {
        if (!options.UseHybridCacheL2 || services.GetService<HybridCache>() is not { } hybridCache)
        {
            return null;
        }

        switch (services.GetService<IDistributedCache>())
        {
            case null:
                Log.HybridCacheWithoutDistributedCache(logger);
                return null;
            case GuardedDistributedCache:
                break;
            default:
                Log.DistributedCacheNotGuarded(logger);
                break;
        }

        return new HybridCacheL2(hybridCache, logger);
    }

    private static async ValueTask DisposeBackplaneAsync(ICacheBackplane backplane)
    {
        switch (backplane)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 320, EventName = "HybridCacheWithoutDistributedCache", Level = LogLevel.Information,
            Message = "HybridCache is registered without an IDistributedCache: [Cached] runs without L2 (HybridCache would only hold a second in-memory copy)")]
        public static partial void HybridCacheWithoutDistributedCache(ILogger logger);

        [LoggerMessage(EventId = 321, EventName = "DistributedCacheNotGuarded", Level = LogLevel.Warning,
            Message = "The IDistributedCache was registered after AddHighPerfCaching: L2 failures are neither counted nor short-circuited. Call AddHighPerfCaching after registering the distributed cache")]
        public static partial void DistributedCacheNotGuarded(ILogger logger);
    }
}
