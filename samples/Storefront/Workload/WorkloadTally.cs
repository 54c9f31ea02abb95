namespace Storefront.Workload;

/// <summary>What the shoppers did, counted across workers.</summary>
public sealed class WorkloadTally
{
    private long _productViews;
    private long _categoryPages;
    private long _historyViews;
    private long _orderViews;
    private long _checkouts;
    private long _outOfStock;
    private long _paymentTimeouts;

    public long ProductViews => Volatile.Read(ref _productViews);

    public long CategoryPages => Volatile.Read(ref _categoryPages);

    public long HistoryViews => Volatile.Read(ref _historyViews);

    public long OrderViews => Volatile.Read(ref _orderViews);

    /// <summary>Checkouts attempted, whatever their outcome.</summary>
    public long Checkouts => Volatile.Read(ref _checkouts);

    /// <summary>Checkouts refused because a product would have been oversold.</summary>
    public long OutOfStock => Volatile.Read(ref _outOfStock);

    /// <summary>Checkouts whose payment authorization missed its deadline.</summary>
    public long PaymentTimeouts => Volatile.Read(ref _paymentTimeouts);

    public long Operations => ProductViews + CategoryPages + HistoryViews + OrderViews + Checkouts;

    public void ProductViewed() => Interlocked.Increment(ref _productViews);

    public void CategoryPageViewed() => Interlocked.Increment(ref _categoryPages);

    public void HistoryViewed() => Interlocked.Increment(ref _historyViews);

    public void OrderViewed() => Interlocked.Increment(ref _orderViews);

    public void CheckoutAttempted() => Interlocked.Increment(ref _checkouts);

    public void CheckoutOutOfStock() => Interlocked.Increment(ref _outOfStock);

    public void CheckoutPaymentTimedOut() => Interlocked.Increment(ref _paymentTimeouts);
}
