using System;
using System.Linq;
using HighPerf.Caching.Distributed;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the distributed side of <c>[Cached]</c>: HybridCache as L2 and an invalidation backplane.</summary>
public static class HighPerfCachingServiceCollectionExtensions
{
    /// <summary>
    /// Plugs the L2 tier (the registered <c>HybridCache</c>, if any) and the configured backplane into every
    /// <c>[Cached]</c> method of the process when the host starts (or when
    /// <see cref="HighPerfCachingServiceProviderExtensions.StartHighPerfCachingAsync"/> is called without a host).
    /// </summary>
    /// <remarks>
    /// Call it after registering the distributed cache (e.g. <c>AddStackExchangeRedisCache</c>): it wraps that
    /// <see cref="IDistributedCache"/> so backend failures are counted, logged and short-circuited instead of costing
    /// every call a timeout. A distributed cache registered later is used unwrapped, with a warning at startup.
    /// </remarks>
    public static IServiceCollection AddHighPerfCaching(this IServiceCollection services, Action<HighPerfCachingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.FirstOrDefault(d => d.ServiceType == typeof(HighPerfCachingOptions) && !d.IsKeyedService)?
            .ImplementationInstance as HighPerfCachingOptions;
        if (options is null)
        {
            options = new HighPerfCachingOptions();
            services.AddSingleton(options);
            services.AddSingleton<HighPerfCachingService>();
            services.AddSingleton<IHostedService>(static sp => sp.GetRequiredService<HighPerfCachingService>());
        }

        configure?.Invoke(options);
        GuardDistributedCache(services, options);
        return services;
    }

    private static void GuardDistributedCache(IServiceCollection services, HighPerfCachingOptions options)
    {
        int index = -1;
        for (int i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IDistributedCache) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        if (index < 0 || services[index] is { ImplementationFactory.Target: GuardedRegistration })
        {
            return;
        }

        var original = services[index];
        var registration = new GuardedRegistration(original, options);
        services[index] = ServiceDescriptor.Describe(typeof(IDistributedCache), registration.Create, original.Lifetime);
    }

    // A class rather than a lambda so a second AddHighPerfCaching call can recognise the registration it made.
    private sealed class GuardedRegistration(ServiceDescriptor original, HighPerfCachingOptions options)
    {
        public object Create(IServiceProvider services)
        {
            var inner = (IDistributedCache)(original.ImplementationInstance
                ?? original.ImplementationFactory?.Invoke(services)
                ?? ActivatorUtilities.CreateInstance(services, original.ImplementationType!));
            var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
            var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            return new GuardedDistributedCache(
                inner,
                ownsInner: original.ImplementationInstance is null,
                new CircuitBreaker(options.L2BreakDuration, timeProvider),
                options.L2Timeout,
                loggers.CreateLogger(DistributedCacheLog.Category));
        }
    }
}
