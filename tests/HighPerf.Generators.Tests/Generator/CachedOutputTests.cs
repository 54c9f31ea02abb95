using HighPerf.Generators.Tests.Infrastructure;
using HighPerf.Testing.Snapshots;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Tests.Generator;

/// <summary>
/// Golden files of the [Cached] and [InvalidatesCache] stages, one folder per scenario under Baselines/, each with the
/// diagnostics of compiling user code plus generated code. Accept changes with HIGHPERF_ACCEPT_SNAPSHOTS=1.
/// </summary>
public sealed class CachedOutputTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HighPerf;
        using HighPerf.Caching;

        """;

    [Fact]
    public void ValueTaskOfT_WithTagsAndInvalidation() => AssertScenario("Cached_ValueTaskOfT_TagsAndInvalidation", """
        namespace Shop;
        public sealed record Product(long Id, string Name);
        public sealed partial class ProductService
        {
            [Cached(DurationSeconds = 120, SlidingSeconds = 30, MaxEntries = 500, JitterPercent = 10, Tags = ["product:{id}", "region:{region}", "catalog"])]
            public partial ValueTask<Product?> GetProductAsync(long id, string? region, CancellationToken ct = default);
            private ValueTask<Product?> GetProductAsyncCore(long id, string? region, CancellationToken ct) => new(new Product(id, "p"));

            [InvalidatesCache(nameof(GetProductAsync))]
            public partial Task UpdatePriceAsync(long id, string? region, decimal price, CancellationToken ct = default);
            private Task UpdatePriceAsyncCore(long id, string? region, decimal price, CancellationToken ct) => Task.CompletedTask;
        }
        """);

    [Fact]
    public void TaskOfT_AndSync_WithNotCacheKeyAndCacheableImplementations() => AssertScenario("Cached_TaskOfT_Sync_Cacheable", """
        namespace Shop;
        public partial class Pricing
        {
            [Cached(CacheNull = false, NegativeCacheSeconds = 5, FailSafeSeconds = 600, EagerRefreshPercent = 80)]
            public partial Task<decimal?> QuoteAsync(int productId, System.DateTime at, [NotCacheKey] string requestId, CancellationToken ct);
            private Task<Cacheable<decimal?>> QuoteAsyncCore(int productId, System.DateTime at, string requestId, CancellationToken ct) =>
                Task.FromResult(Cacheable.NotCached<decimal?>(null));

            [Cached(Distributed = false)]
            internal partial int Rank(int productId, CancellationToken ct);
            private Cacheable<int> RankCore(int productId, CancellationToken ct) => Cacheable.Of(productId);
        }
        """);

    [Fact]
    public void TrackPerformanceAroundCached_WithKeyMembers_AndStaticMethods() => AssertScenario("Cached_Tracked_KeyMembers_Static", """
        namespace Shop;
        public partial class TenantCatalog
        {
            public System.Guid TenantId { get; init; }

            [TrackPerformance]
            [Cached(KeyMembers = [nameof(TenantId)], Tags = ["tenant:{TenantId}"])]
            public partial ValueTask<string> GetNameAsync(int id);
            private ValueTask<string> GetNameAsyncCore(int id) => new("n");

            [InvalidatesCache(nameof(GetNameAsync))]
            public partial void Rename(int id, string name);
            private void RenameCore(int id, string name) { }

            [Cached]
            public static partial string Describe(int id, string? culture);
            private static string DescribeCore(int id, string? culture) => "d";

            [InvalidatesCache(nameof(Describe))]
            public static partial ValueTask<bool> ReloadAsync(int id, string? culture);
            private static ValueTask<bool> ReloadAsyncCore(int id, string? culture) => new(true);
        }
        """);

    [Fact]
    public void GenericContainingType_GetsARuntimeMethodName() => AssertScenario("Cached_GenericType", """
        namespace Shop;
        public partial class Repository<TItem> where TItem : class
        {
            [Cached]
            public partial ValueTask<TItem?> FindAsync(int id, CancellationToken ct);
            private ValueTask<TItem?> FindAsyncCore(int id, CancellationToken ct) => default;
        }
        """);

    [Fact]
    public void InvalidatesCacheOfOtherTypes_CallsTheirAccessors_NestedAndClosedGeneric() => AssertScenario("Cached_CrossTypeInvalidation", """
        namespace Shop;
        public sealed record Product(long Id, string Name);
        public partial class ProductRepository
        {
            public static string Region { get; set; } = "eu";

            [Cached(KeyMembers = [nameof(Region)])]
            public partial ValueTask<int> GetStockAsync(long productId, CancellationToken ct = default);
            private ValueTask<int> GetStockAsyncCore(long productId, CancellationToken ct) => new(1);

            internal static partial class Prices
            {
                [Cached] internal static partial decimal Get(long productId);
                private static decimal GetCore(long productId) => 1m;
            }
        }
        public partial class Repository<TItem> where TItem : class
        {
            [Cached] public partial TItem? Find(long productId);
            private TItem? FindCore(long productId) => null;
        }
        public partial class OrderService
        {
            [InvalidatesCache(typeof(ProductRepository), nameof(ProductRepository.GetStockAsync))]
            [InvalidatesCache(typeof(ProductRepository.Prices), nameof(ProductRepository.Prices.Get))]
            [InvalidatesCache(typeof(Repository<Product>), nameof(Repository<Product>.Find))]
            public partial Task<long> PlaceOrderAsync(long productId, int quantity, CancellationToken ct = default);
            private Task<long> PlaceOrderAsyncCore(long productId, int quantity, CancellationToken ct) => Task.FromResult(1L);

            [InvalidatesCache(typeof(ProductRepository), nameof(ProductRepository.GetStockAsync))]
            public static partial void Restock(long productId);
            private static void RestockCore(long productId) { }
        }
        """);

    [Fact]
    public void InvalidateApiClashingWithAUserMethod_IsLeftOut_TheCacheAndAccessorStay() => AssertScenario("Cached_InvalidateApiClash", """
        namespace Shop;
        public partial class Catalog
        {
            [Cached]
            public partial string Describe(int id);
            private string DescribeCore(int id) => "d";

            public System.Threading.Tasks.ValueTask InvalidateDescribe(int id, CancellationToken ct) => default;
        }
        """);

    [Fact]
    public void DistributedMethod_InATypeNamingItsJsonContext() => AssertScenario("Cached_JsonContext", """
        namespace Shop;
        public sealed record Product(long Id, string Name);

        // Written out as the System.Text.Json generator would complete it; the test driver runs only our generator.
        public sealed class ShopJsonContext : System.Text.Json.Serialization.JsonSerializerContext
        {
            public ShopJsonContext() : base(null) { }
            public static ShopJsonContext Default { get; } = new();
            protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
        }

        [CacheJsonContext(typeof(ShopJsonContext))]
        public sealed partial class ProductService
        {
            [Cached(Tags = ["product:{id}"])]
            public partial Task<Product?> GetProductAsync(long id, CancellationToken ct);
            private Task<Cacheable<Product?>> GetProductAsyncCore(long id, CancellationToken ct) =>
                Task.FromResult(Cacheable.Of<Product?>(new Product(id, "p")).WithTags("brand:1"));
        }
        """);

    private static void AssertScenario(string scenario, string source)
    {
        GeneratorRun run = TestCompilation.Run(Usings + source);
        var files = run.GeneratedSources.Select(s => (s.HintName, s.Source)).ToList();
        var diagnostics = run.GeneratorDiagnostics
            .Concat(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning))
            .Select(d => $"{d.Severity} {d.Id} {d.Location.GetLineSpan()}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        files.Add(("diagnostics", diagnostics.Count == 0 ? "(none)\n" : string.Join("\n", diagnostics) + "\n"));
        Snapshot.AssertMatches(scenario, files);
    }
}
