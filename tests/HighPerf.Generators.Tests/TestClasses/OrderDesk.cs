using HighPerf;

namespace HighPerf.Generators.Tests.TestClasses;

/// <summary>Stock cached by one type and invalidated by another (<see cref="OrderDesk"/>).</summary>
public sealed partial class StockLedger
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    [Cached]
    public partial ValueTask<int> GetStockAsync(long productId, CancellationToken ct = default);

    private ValueTask<int> GetStockAsyncCore(long productId, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        return new ValueTask<int>(100);
    }
}

/// <summary>[InvalidatesCache] of other types' [Cached] methods: a plain one and one of a closed generic type.</summary>
public sealed partial class OrderDesk
{
    [InvalidatesCache(typeof(StockLedger), nameof(StockLedger.GetStockAsync))]
    public partial Task PlaceOrderAsync(long productId, int quantity, CancellationToken ct = default);

    private async Task PlaceOrderAsyncCore(long productId, int quantity, CancellationToken ct)
    {
        await Task.Yield();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
    }

    [InvalidatesCache(typeof(CachedRepository<Product>), nameof(CachedRepository<Product>.Find))]
    public partial void Discontinue(long id, bool confirmed);

    private void DiscontinueCore(long id, bool confirmed)
    {
        if (!confirmed)
        {
            throw new InvalidOperationException($"discontinuing {id} was not confirmed");
        }
    }
}
