using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using Storefront.Database;
using Storefront.Reporting;
using Storefront.Services;
using Storefront.Workload;

namespace Storefront;

/// <summary>The composition root: the shop's services as an application would register them.</summary>
public static class StorefrontServices
{
    public static ServiceProvider Build(NpgsqlDataSource dataSource, SeedSummary seed, WorkloadOptions workload, SlowCallLogCounter slowCalls)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
                console.ColorBehavior = LoggerColorBehavior.Disabled;
            })
            .AddProvider(slowCalls));

        services.AddSingleton(dataSource);
        services.AddSingleton<CatalogService>();
        services.AddSingleton<CustomerService>();
        services.AddSingleton<OrderService>();
        services.AddSingleton<PaymentGateway>();

        services.AddSingleton(seed);
        services.AddSingleton(workload);
        services.AddSingleton<WorkloadTally>();
        services.AddSingleton<Checkout>();
        services.AddSingleton<Shopper>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
