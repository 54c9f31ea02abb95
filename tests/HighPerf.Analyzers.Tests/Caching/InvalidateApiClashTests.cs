namespace HighPerf.Analyzers.Tests.Caching;

/// <summary>
/// HP0114: the generated Invalidate&lt;Method&gt; would clash with a member. The verifier also checks that the generated
/// code compiles, i.e. that the generator left the clashing API out.
/// </summary>
public sealed class InvalidateApiClashTests
{
    private const string Get = """
            [[|Cached|]] public partial ValueTask<Product?> GetAsync(long id, string region, CancellationToken ct = default);
            private ValueTask<Product?> GetAsyncCore(long id, string region, CancellationToken ct) => default;
        """;

    [Fact]
    public async Task UserMethodWithTheApisSignature_IsHP0114_OnTheCachedAttribute()
    {
        string message = await CachingVerifier.SingleMessageAsync(CachingVerifier.InClass(Get + """
                public Task InvalidateGetAsync(long productId, string r, CancellationToken token) => Task.CompletedTask;
            """), "HP0114");

        Assert.Equal(
            "The generated 'InvalidateGetAsync(long, string, CancellationToken)' would clash with the method 'ProductService.InvalidateGetAsync(long, string, CancellationToken)', " +
            "which has that signature, so it is not generated (caching still works): rename or remove that method, or rename the cached method", message);
    }

    [Theory]
    [InlineData("public int InvalidateGetAsync { get; set; }", "property")]
    [InlineData("public readonly int InvalidateGetAsync = 1;", "field")]
    [InlineData("public event Action? InvalidateGetAsync;", "event")]
    [InlineData("public sealed class InvalidateGetAsync { }", "nested type")]
    public async Task NonMethodMemberWithTheApisName_IsHP0114(string member, string kind)
    {
        string message = await CachingVerifier.SingleMessageAsync(CachingVerifier.InClass(Get + member), "HP0114");

        Assert.Contains($"would clash with the {kind} 'ProductService.InvalidateGetAsync', which has that name", message);
    }

    [Fact]
    public async Task InheritedMethodWithTheApisSignature_IsHP0114()
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.Usings + """
            public class ServiceBase
            {
                protected static ValueTask InvalidateGetAsync(long id, string region, CancellationToken ct) => default;
            }
            public sealed partial class ProductService : ServiceBase
            {
            """ + Get + "}", "HP0114");
    }

    [Fact]
    public async Task CachedOverloadsWithKeysOfTheSameTypes_AreHP0114_Both()
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.InClass(Get + """
                [[|Cached|]] public partial ValueTask<Product?> GetAsync(long id, string region, [NotCacheKey] string trace, CancellationToken ct = default);
                private ValueTask<Product?> GetAsyncCore(long id, string region, string trace, CancellationToken ct) => default;
            """), "HP0114");
    }

    [Theory]
    [InlineData("public void InvalidateGetAsync(long id, CancellationToken ct) { }")]
    [InlineData("public void InvalidateGetAsync(long id, ref string region, CancellationToken ct) { }")]
    [InlineData("public void InvalidateGetAsync<T>(long id, string region, CancellationToken ct) { }")]
    [InlineData("public int InvalidateGet { get; set; }")]
    [InlineData("[Cached] public partial ValueTask<Product?> GetAsync(string sku); private ValueTask<Product?> GetAsyncCore(string sku) => default;")]
    public async Task OverloadsWithOtherSignatures_ReportNothing_AndCompile(string member)
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.InClass(Get.Replace("[[|Cached|]]", "[Cached]") + member), "HP0114");
    }

    [Fact]
    public async Task PrivateMethodOfABaseType_IsNotAClash()
    {
        await CachingVerifier.VerifyAsync(CachingVerifier.Usings + """
            public class ServiceBase
            {
                private static ValueTask InvalidateGetAsync(long id, string region, CancellationToken ct) => default;
            }
            public sealed partial class ProductService : ServiceBase
            {
            """ + Get.Replace("[[|Cached|]]", "[Cached]") + "}", "HP0114");
    }
}
