using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Tests.Caching;

/// <summary>[InvalidatesCache(typeof(Other), ...)]: HP0109-HP0111 as in one type, and HP0115 where another type cannot be reached.</summary>
public sealed class CrossTypeInvalidationTests
{
    private const string Repository = """
        public partial class ProductRepository
        {
            public static string Region { get; set; } = "eu";
            public string Tenant { get; set; } = "";
            [Cached(KeyMembers = [nameof(Region)])] public partial ValueTask<int> GetStockAsync(long id, CancellationToken ct = default);
            private ValueTask<int> GetStockAsyncCore(long id, CancellationToken ct) => new(1);
            [Cached] private partial int Secret(long id);
            private int SecretCore(long id) => 1;
            [Cached(KeyMembers = [nameof(Tenant)])] public partial int Count(long id);
            private int CountCore(long id) => 0;
            public int Plain(long id) => 0;
        }
        public partial class Repository<TItem> where TItem : class
        {
            [Cached] public partial TItem? Find(long id);
            private TItem? FindCore(long id) => null;
        }
        public partial class BaseService
        {
            [Cached] protected static partial int Rate(long id);
            private static int RateCore(long id) => 1;
        }

        """;

    [Fact]
    public async Task ReachableTargets_PublicStaticKeyMemberClosedGenericProtectedAndSameTypeByTypeof_ReportNothing()
    {
        await CachingVerifier.VerifyAsync(Source("""
                [InvalidatesCache(typeof(ProductRepository), nameof(ProductRepository.GetStockAsync))]
                [InvalidatesCache(typeof(Repository<Product>), nameof(Repository<Product>.Find))]
                [InvalidatesCache(typeof(BaseService), "Rate")]
                [InvalidatesCache(typeof(OrderService), nameof(Total))]
                public partial Task PlaceAsync(long id, int quantity);
                private Task PlaceAsyncCore(long id, int quantity) => Task.CompletedTask;
                public int Scale { get; set; }
                [Cached(KeyMembers = [nameof(Scale)])] public partial int Total(long id);
                private int TotalCore(long id) => 0;
            """, baseType: "BaseService"), "HP0115");
    }

    [Fact]
    public async Task PrivateNestedTypeOfTheInvalidatingType_IsReachable()
    {
        await CachingVerifier.VerifyAsync(Source("""
                private sealed partial class Prices
                {
                    [Cached] internal static partial decimal Get(long id);
                    private static decimal GetCore(long id) => 1m;
                }
                [InvalidatesCache(typeof(Prices), nameof(Prices.Get))]
                public partial void Reprice(long id);
                private void RepriceCore(long id) { }
            """), "HP0115");
    }

    [Fact]
    public async Task PrivateCachedMethodOfAnotherType_IsHP0115()
    {
        string message = await CachingVerifier.SingleMessageAsync(Source("""
                [[|InvalidatesCache(typeof(ProductRepository), "Secret")|]] public partial void Place(long id);
                private void PlaceCore(long id) { }
            """), "HP0115");

        Assert.Equal("[InvalidatesCache] cannot remove entries of 'ProductRepository.Secret' from 'Place': it is not accessible here; make it and the types that contain it internal or public", message);
    }

    [Fact]
    public async Task InstanceKeyMemberOfAnotherType_IsHP0115()
    {
        string message = await CachingVerifier.SingleMessageAsync(Source("""
                [[|InvalidatesCache(typeof(ProductRepository), nameof(ProductRepository.Count))|]] public partial void Place(long id);
                private void PlaceCore(long id) { }
            """), "HP0115");

        Assert.EndsWith("its key includes the instance member 'Tenant' (KeyMembers), which another type cannot supply; invalidate it from a method of 'ProductRepository', or call the generated InvalidateCount on the instance", message);
    }

    [Fact]
    public async Task OpenGenericType_IsHP0115()
    {
        string message = await CachingVerifier.SingleMessageAsync(Source("""
                [[|InvalidatesCache(typeof(Repository<>), "Find")|]] public partial void Place(long id);
                private void PlaceCore(long id) { }
            """), "HP0115");

        Assert.EndsWith("'Repository<>' is an open generic type, and each closed type keeps its own entries; name the one to invalidate, e.g. typeof(Repository<Product>)", message);
    }

    [Fact]
    public async Task NullType_IsHP0115()
    {
        await CachingVerifier.VerifyAsync(Source("""
                [[|InvalidatesCache(null!, "Find")|]] public partial void Place(long id);
                private void PlaceCore(long id) { }
            """), "HP0115");
    }

    [Fact]
    public async Task UnknownMethodOfAnotherType_IsHP0109_NamingThatType()
    {
        string message = await CachingVerifier.SingleMessageAsync(Source("""
                [[|InvalidatesCache(typeof(ProductRepository), "GetStok")|]] public partial void Place(long id);
                private void PlaceCore(long id) { }
            """), "HP0109");

        Assert.StartsWith("[InvalidatesCache] names 'GetStok', but 'ProductRepository' has no method of that name", message);
    }

    [Fact]
    public async Task ArrayType_IsHP0109()
    {
        string message = await CachingVerifier.SingleMessageAsync(Source("""
                [[|InvalidatesCache(typeof(long[]), "Find")|]] public partial void Place(long id);
                private void PlaceCore(long id) { }
            """), "HP0109");

        Assert.StartsWith("[InvalidatesCache] names 'Find', but 'long[]' has no method of that name", message);
    }

    [Fact]
    public async Task UncachedMethodOfAnotherType_IsHP0110()
    {
        string message = await CachingVerifier.SingleMessageAsync(Source("""
                [[|InvalidatesCache(typeof(ProductRepository), nameof(ProductRepository.Plain))|]] public partial void Place(long id);
                private void PlaceCore(long id) { }
            """), "HP0110");

        Assert.StartsWith("[InvalidatesCache] names 'ProductRepository.Plain', which has no [Cached] attribute", message);
    }

    [Fact]
    public async Task MissingKeyParameterOfAnotherType_IsHP0111()
    {
        string message = await CachingVerifier.SingleMessageAsync(Source("""
                [[|InvalidatesCache(typeof(Repository<Product>), nameof(Repository<Product>.Find))|]] public partial void Place(int id);
                private void PlaceCore(int id) { }
            """), "HP0111");

        Assert.Equal("'Place' cannot build the key of 'Repository<Product>.Find': it lacks a parameter 'long id'", message);
    }

    [Fact]
    public async Task TargetInAnAssemblyBuiltWithTheGenerator_ReportsNothing_AndCompiles()
    {
        MetadataReference library = CachingVerifier.CompileLibrary(
            "public partial class Stock { [Cached] public partial int Count(long id); private int CountCore(long id) => 1; }", withGenerator: true);

        await CachingVerifier.VerifyAsync(Source("""
                [InvalidatesCache(typeof(Inventory.Stock), nameof(Inventory.Stock.Count))] public partial void Place(long id);
                private void PlaceCore(long id) { }
            """), "HP0115", library);
    }

    [Fact]
    public async Task InternalTargetInAnAssemblyWithInternalsVisibleToThisOne_ReportsNothing_AndCompiles()
    {
        MetadataReference library = CachingVerifier.CompileLibrary(
            "internal partial class Stock { [Cached] internal partial int Count(long id); private int CountCore(long id) => 1; }",
            withGenerator: true,
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"TestAssembly\")]");

        await CachingVerifier.VerifyAsync(Source("""
                [InvalidatesCache(typeof(Inventory.Stock), nameof(Inventory.Stock.Count))] public partial void Place(long id);
                private void PlaceCore(long id) { }
            """), "HP0115", library);
    }

    [Fact]
    public async Task InternalTargetInAnotherAssembly_IsNotImported_SoItIsHP0109()
    {
        MetadataReference library = CachingVerifier.CompileLibrary(
            "public partial class Stock { [Cached] internal partial int Count(long id); private int CountCore(long id) => 1; }", withGenerator: true);

        await CachingVerifier.VerifyAsync(Source("""
                [[|InvalidatesCache(typeof(Inventory.Stock), "Count")|]] public partial void Place(long id);
                private void PlaceCore(long id) { }
            """), "HP0109", library);
    }

    [Fact]
    public async Task TargetInAnAssemblyBuiltWithoutTheAccessor_IsHP0115()
    {
        MetadataReference library = CachingVerifier.CompileLibrary(
            "public class Stock { [Cached] public int Count(long id) => 1; }", withGenerator: false);

        string message = await CachingVerifier.SingleMessageAsync(Source("""
                [[|InvalidatesCache(typeof(Inventory.Stock), nameof(Inventory.Stock.Count))|]] public partial void Place(long id);
                private void PlaceCore(long id) { }
            """), "HP0115", library);

        Assert.EndsWith("its assembly 'Inventory' has no generated '__HighPerf_Count_Invalidate'; build it with this version of HighPerf.Generators", message);
    }

    private static string Source(string members, string? baseType = null) =>
        CachingVerifier.Usings + Repository +
        "public partial class OrderService" + (baseType is null ? "" : " : " + baseType) + Environment.NewLine +
        "{" + Environment.NewLine + members + Environment.NewLine + "}" + Environment.NewLine;
}
