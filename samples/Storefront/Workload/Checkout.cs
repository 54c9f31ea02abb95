using Npgsql;
using Storefront.Domain;
using Storefront.Services;

namespace Storefront.Workload;

/// <summary>
/// A checkout as a web request would run it: place the order, authorize the payment under a deadline, mark the
/// order paid. Two failures are part of normal business and are counted, not thrown: an oversold product and a
/// payment provider that misses its deadline. Anything else is a bug and stops the sample.
/// </summary>
public sealed class Checkout(OrderService orders, PaymentGateway payments, WorkloadOptions options, WorkloadTally tally)
{
    public async Task RunAsync(long customerId, IReadOnlyList<OrderItem> basket, CancellationToken cancellationToken)
    {
        tally.CheckoutAttempted();

        OrderReceipt receipt;
        try
        {
            receipt = await orders.PlaceOrderAsync(customerId, basket, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.CheckViolation)
        {
            tally.CheckoutOutOfStock();
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.PaymentDeadline);
        PaymentAuthorization authorization;
        try
        {
            authorization = await payments.AuthorizeAsync(receipt.OrderId, receipt.Total, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The order stays 'placed'; a real shop would retry the payment or cancel the order later.
            tally.CheckoutPaymentTimedOut();
            return;
        }

        await orders.MarkPaidAsync(receipt.OrderId, authorization.Reference, cancellationToken);
    }
}
