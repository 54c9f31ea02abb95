using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Tests.Caching;

/// <summary>HP0101-HP0108: the [Cached] method itself.</summary>
public sealed class CachedMethodTests
{
    [Theory]
    [InlineData("void", "private void GetCore(long id) { }")]
    [InlineData("Task", "private Task GetCore(long id) => Task.CompletedTask;")]
    [InlineData("ValueTask", "private ValueTask GetCore(long id) => default;")]
    public async Task NoResultReturn_IsHP0101(string returnType, string implementation)
    {
        string message = await CachingVerifier.SingleMessageAsync(CachingVerifier.InClass($$"""
                [Cached] public partial {{returnType}} [|Get|](long id);
                {{implementation}}
            """), "HP0101");

        Assert.Equal($"'Get' returns '{returnType}', which has no result to cache; [Cached] needs T, Task<T> or ValueTask<T>", message);
    }

    [Fact]
    public async Task ValueEqualKeyTypes_AreNotReported()
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.InClass("""
                public readonly struct Point { public int X { get; init; } }
                public enum Kind { A, B }
                [Cached] public partial ValueTask<Product?> GetAsync(long id, string? name, Guid g, DateTime at, DateTimeOffset off, TimeSpan span,
                    decimal price, Kind kind, Product record, Point point, (int, string) pair, int? maybe, CancellationToken ct);
                private ValueTask<Product?> GetAsyncCore(long id, string? name, Guid g, DateTime at, DateTimeOffset off, TimeSpan span,
                    decimal price, Kind kind, Product record, Point point, (int, string) pair, int? maybe, CancellationToken ct) => default;
            """), "HP0102");
    }

    [Fact]
    public async Task ClassArrayAndTupleOfClass_KeyParameters_AreHP0102_ButNotCacheKeyOnesAreNot()
    {
        ImmutableArray<Diagnostic> diagnostics = await CachingVerifier.VerifyAsync(CachingVerifier.InClass("""
                public sealed class Filter { public int Page; }
                [Cached] public partial int Count(Filter [|filter|], int[] [|ids|], (int, Filter) [|pair|], [NotCacheKey] Filter ignored);
                private int CountCore(Filter filter, int[] ids, (int, Filter) pair, Filter ignored) => 0;
            """), "HP0102");

        Assert.Contains("reference identity would be the key", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ClassImplementingIEquatable_IsNotReported()
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.InClass("""
                public sealed class Sku : IEquatable<Sku> { public bool Equals(Sku? other) => true; public override bool Equals(object? o) => true; public override int GetHashCode() => 0; }
                [Cached] public partial int Count(Sku sku);
                private int CountCore(Sku sku) => 0;
            """), "HP0102");
    }

    [Theory]
    [InlineData("List<Product>")]
    [InlineData("Product[]")]
    [InlineData("Dictionary<long, Product>")]
    [InlineData("HashSet<long>")]
    public async Task MutableCollectionResult_IsHP0103(string type)
    {
        string message = await CachingVerifier.SingleMessageAsync(CachingVerifier.InClass($$"""
                [Cached] public partial ValueTask<{{type}}> [|ListAsync|](int page);
                private ValueTask<{{type}}> ListAsyncCore(int page) => default;
            """), "HP0103");

        Assert.Contains("every caller of a cached entry gets the same instance", message);
    }

    [Theory]
    [InlineData("IReadOnlyList<Product>")]
    [InlineData("ImmutableArray<Product>")]
    [InlineData("string")]
    public async Task ReadOnlyResult_IsNotReported(string type)
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.InClass($$"""
                [Cached] public partial ValueTask<{{type}}> ListAsync(int page);
                private ValueTask<{{type}}> ListAsyncCore(int page) => default;
            """), "HP0103");
    }

    [Theory]
    [InlineData("product:{nope}", "'{nope}' is not a key parameter or key member")]
    [InlineData("product:{id", "its braces are unbalanced")]
    [InlineData("product:id}", "its braces are unbalanced")]
    [InlineData("product:{}", "'{}' names no key part")]
    [InlineData("product:{ct}", "'{ct}' is not a key parameter or key member")]
    public async Task BadTagTemplate_IsHP0104_OnTheTagsArgument(string template, string reason)
    {
        string message = await CachingVerifier.SingleMessageAsync(CachingVerifier.InClass($$"""
                [Cached([|Tags = ["catalog", "{{template}}"]|])] public partial ValueTask<Product?> GetAsync(long id, CancellationToken ct);
                private ValueTask<Product?> GetAsyncCore(long id, CancellationToken ct) => default;
            """), "HP0104");

        Assert.Equal($"Tag template \"{template}\" is invalid: {reason}", message);
    }

    [Fact]
    public async Task TagNamingAKeyMember_IsNotReported()
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.InClass("""
                public string Tenant { get; set; } = "";
                [Cached(KeyMembers = [nameof(Tenant)], Tags = ["tenant:{Tenant}", "product:{id}"])] public partial ValueTask<Product?> GetAsync(long id);
                private ValueTask<Product?> GetAsyncCore(long id) => default;
            """), "HP0104");
    }

    [Fact]
    public async Task UnknownKeyMember_AndInstanceMemberOnStaticMethod_AreHP0105()
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.InClass("""
                public int Tenant;
                [Cached([|KeyMembers = ["Tenantt"]|])] public partial int A(int id);
                private int ACore(int id) => id;
                [Cached([|KeyMembers = [nameof(Tenant)]|])] public static partial int B(int id);
                private static int BCore(int id) => id;
            """), "HP0105");
    }

    [Theory]
    [InlineData("DurationSeconds = 0", "DurationSeconds = 0 is invalid; it must be at least 1")]
    [InlineData("SlidingSeconds = -5", "SlidingSeconds = -5 is invalid; it must be at least 0")]
    [InlineData("JitterPercent = 150", "JitterPercent = 150 is invalid; it must be between 0 and 100")]
    [InlineData("EagerRefreshPercent = 100", "EagerRefreshPercent = 100 is invalid; it must be between 0 and 99")]
    public async Task OptionOutOfRange_IsHP0106(string option, string expected)
    {
        string message = await CachingVerifier.SingleMessageAsync(CachingVerifier.InClass($$"""
                [Cached([|{{option}}|])] public partial int Get(int id);
                private int GetCore(int id) => id;
            """), "HP0106");

        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task StructInstanceMethod_IsHP0107_StaticIsNot()
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.Usings + """
            public partial struct Point
            {
                [Cached] public partial int [|Get|](int id);
                private int GetCore(int id) => id;
                [Cached] public static partial int Make(int id);
                private static int MakeCore(int id) => id;
            }
            """, "HP0107");
    }

    [Fact]
    public async Task CachedAndInvalidatesOnOneMethod_IsHP0108_Once()
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.InClass("""
                [Cached, InvalidatesCache(nameof(Get))] public partial int [|Get|](int id);
                private int GetCore(int id) => id;
            """), "HP0108");
    }

    [Fact]
    public async Task WellFormedCachedMethods_ReportNothing()
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.InClass("""
                [Cached(DurationSeconds = 60, SlidingSeconds = 10, JitterPercent = 100, EagerRefreshPercent = 80, Tags = ["product:{id}"])]
                public partial ValueTask<Product?> GetAsync(long id, CancellationToken ct = default);
                private ValueTask<Cacheable<Product?>> GetAsyncCore(long id, CancellationToken ct) => default;

                [Cached] public partial Task<string> NameAsync(long id);
                private Task<string> NameAsyncCore(long id) => Task.FromResult("");
            """), "HP0101");
    }
}
