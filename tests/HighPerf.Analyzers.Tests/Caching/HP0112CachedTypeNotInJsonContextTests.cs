using HighPerf.Analyzers.Caching;
using HighPerf.Testing.Roslyn;

namespace HighPerf.Analyzers.Tests.Caching;

/// <summary>HP0112: the [CacheJsonContext] in force does not cover the cached value type.</summary>
public sealed class HP0112CachedTypeNotInJsonContextTests
{
    private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> VerifyAsync(string source) =>
        AnalyzerTest<CacheJsonContextAnalyzer>.VerifyAsync(JsonContextSource.Header + source, ["HP0112"]);

    [Fact]
    public async Task TypeTheContextDoesNotList_IsReported_WithTheAttributeToAdd()
    {
        var diagnostics = await VerifyAsync("""
            public sealed record Order(long Id);
            [JsonSerializable(typeof(Product))]
            public sealed class AppJsonContext : WrittenOutContext { }

            [CacheJsonContext(typeof(AppJsonContext))]
            public sealed class Orders
            {
                [Cached] public [|ValueTask<Order?>|] GetAsync(long id) => default;
            }
            """);

        Assert.Equal("'GetAsync' caches 'Order' in L2, but 'AppJsonContext' does not cover it; add [JsonSerializable(typeof(Order))] to 'AppJsonContext'",
            Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ListedTypes_NullableReferences_AndTypesReachedThroughListedOnes_AreCovered_OtherShapesAreNot()
    {
        await VerifyAsync("""
            public sealed record Line(Product Item, int Quantity);
            public sealed class Basket
            {
                public List<Line> Lines { get; init; } = [];
                public Dictionary<string, decimal[]> Discounts { get; init; } = [];
                public long? CouponId { get; init; }
            }
            [JsonDerivedType(typeof(Voucher))]
            public class Payment { }
            public sealed class Voucher : Payment { public Guid Code { get; init; } }
            public sealed class Checkout { public Payment? Payment { get; init; } }

            [JsonSerializable(typeof(Basket))]
            [JsonSerializable(typeof(Checkout))]
            public sealed class AppJsonContext : WrittenOutContext { }

            [CacheJsonContext(typeof(AppJsonContext))]
            public sealed class Store
            {
                [Cached] public ValueTask<Basket?> BasketAsync(long id) => default;
                [Cached] public Task<Product?> ProductAsync(long id) => Task.FromResult<Product?>(null);
                [Cached] public Line FirstLine(long id) => default!;
                // List<Line> is reached, IReadOnlyList<Line> is not: the JSON generator has no metadata for it either.
                [Cached] public [|ValueTask<IReadOnlyList<Line>>|] LinesAsync(long id) => default;
                [Cached] public ValueTask<decimal[]> DiscountsAsync(string code) => default;
                [Cached] public ValueTask<long?> CouponAsync(long id) => default;
                [Cached] public ValueTask<string> NameAsync(long id) => default;
                [Cached] public ValueTask<Voucher> VoucherAsync(long id) => default;
            }
            """);
    }

    [Fact]
    public async Task NullableValueType_NeedsTheNullableItself_AsTheJsonGeneratorDoes()
    {
        await VerifyAsync("""
            [JsonSerializable(typeof(long))]
            public sealed class AppJsonContext : WrittenOutContext { }

            [CacheJsonContext(typeof(AppJsonContext))]
            public sealed class Counters
            {
                [Cached] public ValueTask<long> CountAsync(int day) => default;
                [Cached] public [|ValueTask<long?>|] MaybeAsync(int day) => default;
            }
            """);
    }

    [Fact]
    public async Task NearestContextIsTheOneChecked_AndL1OnlyMethodsAreNotChecked()
    {
        await VerifyAsync("""
            public sealed record Order(long Id);
            [JsonSerializable(typeof(Product))]
            public sealed class ProductContext : WrittenOutContext { }
            [JsonSerializable(typeof(Order))]
            public sealed class OrderContext : WrittenOutContext { }

            [CacheJsonContext(typeof(ProductContext))]
            public sealed class Outer
            {
                [CacheJsonContext(typeof(OrderContext))]
                public sealed class Orders
                {
                    [Cached] public ValueTask<Order> GetAsync(long id) => default;
                    [Cached] public [|ValueTask<Product>|] ProductAsync(long id) => default;
                }

                public sealed class Products
                {
                    [Cached] public ValueTask<Product> GetAsync(long id) => default;
                    [Cached(Distributed = false)] public ValueTask<Order> LocalAsync(long id) => default;
                }
            }
            """);
    }

    [Fact]
    public async Task AssemblyContext_AppliesWhereNoTypeNamesOne()
    {
        string header = JsonContextSource.Header.Replace("namespace Shop;", "[assembly: CacheJsonContext(typeof(Shop.AppJsonContext))]\nnamespace Shop;");
        await AnalyzerTest<CacheJsonContextAnalyzer>.VerifyAsync(header + """
            public sealed record Order(long Id);
            [JsonSerializable(typeof(Product))]
            public sealed class AppJsonContext : WrittenOutContext { }

            public sealed class Catalog
            {
                [Cached] public ValueTask<Product> GetAsync(long id) => default;
                [Cached] public [|ValueTask<Order>|] OrderAsync(long id) => default;
            }
            """, ["HP0112"]);
    }
}
