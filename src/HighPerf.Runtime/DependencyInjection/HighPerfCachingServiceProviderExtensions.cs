using System;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Starting the distributed caching services without a generic host.</summary>
public static class HighPerfCachingServiceProviderExtensions
{
    /// <summary>
    /// Installs the L2 tier and backplane registered by <c>AddHighPerfCaching</c> into the process, as a host's
    /// start would. Disposing the provider uninstalls them and closes the backplane.
    /// </summary>
    public static Task StartHighPerfCachingAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<HighPerfCachingService>().StartAsync(cancellationToken);
    }
}
