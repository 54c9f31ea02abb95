using HighPerf;
using Microsoft.Extensions.Logging;
using Storefront.Domain;

namespace Storefront.Services;

/// <summary>
/// Stands in for a remote payment provider (the sample has no network dependency): it usually answers in a few
/// milliseconds, with the long tail real providers have. That tail is what <c>SlowThresholdMilliseconds</c> is
/// for: every call slower than 40 ms is logged through <c>logger</c>, which the generator finds on its own.
/// </summary>
public sealed partial class PaymentGateway(ILogger<PaymentGateway> logger)
{
    [TrackPerformance(SlowThresholdMilliseconds = 40)]
    public partial ValueTask<PaymentAuthorization> AuthorizeAsync(
        long orderId, decimal amount, CancellationToken cancellationToken = default);

    private async ValueTask<PaymentAuthorization> AuthorizeAsyncCore(
        long orderId, decimal amount, CancellationToken cancellationToken)
    {
        await Task.Delay(NextLatency(), cancellationToken);
        return new PaymentAuthorization($"auth-{orderId}-{Random.Shared.Next(100_000, 1_000_000)}", amount);
    }

    /// <summary>96% of answers within 2-10 ms, 3% within 45-100 ms, 1% within 150-250 ms.</summary>
    private static TimeSpan NextLatency()
    {
        double roll = Random.Shared.NextDouble();
        int milliseconds = roll switch
        {
            < 0.01 => Random.Shared.Next(150, 250),
            < 0.04 => Random.Shared.Next(45, 100),
            _ => Random.Shared.Next(2, 10),
        };
        return TimeSpan.FromMilliseconds(milliseconds);
    }
}
