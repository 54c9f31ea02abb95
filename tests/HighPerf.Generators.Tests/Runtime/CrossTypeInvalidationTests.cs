using HighPerf.Generators.Tests.TestClasses;

namespace HighPerf.Generators.Tests.Runtime;

/// <summary>[InvalidatesCache(typeof(Other), ...)]: <see cref="OrderDesk"/> removes entries cached by other types.</summary>
public sealed class CrossTypeInvalidationTests
{
    private readonly StockLedger _ledger = new();
    private readonly OrderDesk _desk = new();

    [Fact]
    public async Task OtherTypesInvalidatingMethodSucceeds_ItsEntryIsRemoved_AndTheNextReadRunsTheImplementation()
    {
        long productId = CachedCatalog.NextKey();
        await _ledger.GetStockAsync(productId);

        await _desk.PlaceOrderAsync(productId, quantity: 2);
        await _ledger.GetStockAsync(productId);
        await _ledger.GetStockAsync(productId);

        Assert.Equal(2, _ledger.Calls);
    }

    [Fact]
    public async Task OtherTypesInvalidatingMethodThrows_TheEntryStays()
    {
        long productId = CachedCatalog.NextKey();
        await _ledger.GetStockAsync(productId);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _desk.PlaceOrderAsync(productId, quantity: 0));
        await _ledger.GetStockAsync(productId);

        Assert.Equal(1, _ledger.Calls);
    }

    [Fact]
    public async Task OtherTypesInvalidation_LeavesOtherKeysCached()
    {
        long ordered = CachedCatalog.NextKey();
        long untouched = CachedCatalog.NextKey();
        await _ledger.GetStockAsync(ordered);
        await _ledger.GetStockAsync(untouched);

        await _desk.PlaceOrderAsync(ordered, quantity: 1);
        await _ledger.GetStockAsync(untouched);

        Assert.Equal(2, _ledger.Calls);
    }

    [Fact]
    public void ClosedGenericTarget_RemovesThatClosedTypesEntry_AndLeavesOtherClosedTypesCached()
    {
        long id = CachedCatalog.NextKey();
        var products = new CachedRepository<Product>(key => new Product(key, "p"));
        var names = new CachedRepository<string>(key => "n" + key);
        Product first = products.Find(id);
        names.Find(id);

        _desk.Discontinue(id, confirmed: true);
        Product second = products.Find(id);
        names.Find(id);

        Assert.NotSame(first, second);
        Assert.Equal(2, products.Calls);
        Assert.Equal(1, names.Calls);
    }

    [Fact]
    public void SyncInvalidatingMethodThrows_TheClosedGenericEntryStays()
    {
        long id = CachedCatalog.NextKey();
        var products = new CachedRepository<Product>(key => new Product(key, "p"));
        Product first = products.Find(id);

        Assert.Throws<InvalidOperationException>(() => _desk.Discontinue(id, confirmed: false));

        Assert.Same(first, products.Find(id));
        Assert.Equal(1, products.Calls);
    }
}
