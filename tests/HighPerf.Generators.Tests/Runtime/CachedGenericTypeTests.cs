using HighPerf.Generators.Tests.TestClasses;

namespace HighPerf.Generators.Tests.Runtime;

public sealed class CachedGenericTypeTests
{
    [Fact]
    public void ClosedGenericTypes_HaveSeparateStores_ForTheSameKey()
    {
        long id = CachedCatalog.NextKey();
        var strings = new CachedRepository<string>(i => "s" + i);
        var products = new CachedRepository<Product>(i => new Product(i, "p"));

        string text = strings.Find(id);
        Product product = products.Find(id);
        string again = strings.Find(id);

        Assert.Equal("s" + id, text);
        Assert.Equal(id, product.Id);
        Assert.Same(text, again);
        Assert.Equal(1, strings.Calls);
        Assert.Equal(1, products.Calls);
    }
}
