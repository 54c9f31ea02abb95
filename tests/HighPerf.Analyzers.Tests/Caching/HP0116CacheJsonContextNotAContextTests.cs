using HighPerf.Analyzers.Caching;
using HighPerf.Testing.Roslyn;

namespace HighPerf.Analyzers.Tests.Caching;

/// <summary>HP0116: [CacheJsonContext] naming something that is not a usable JsonSerializerContext.</summary>
public sealed class HP0116CacheJsonContextNotAContextTests
{
    [Theory]
    [InlineData("typeof(Product)", "Product")]
    [InlineData("typeof(WrittenOutContext)", "WrittenOutContext")]
    [InlineData("typeof(JsonSerializerContext)", "JsonSerializerContext")]
    [InlineData("typeof(List<int>)", "List<int>")]
    [InlineData("null!", "null!")]
    public async Task AttributeNamingNoUsableContext_IsReportedOnItsArgument(string argument, string shown)
    {
        var diagnostics = await AnalyzerTest<CacheJsonContextAnalyzer>.VerifyAsync(JsonContextSource.Header + $$"""
            [CacheJsonContext([|{{argument}}|])]
            public sealed class Catalog
            {
                [Cached(Distributed = false)] public ValueTask<Product?> GetAsync(long id) => default;
            }
            """, ["HP0116"]);

        Assert.StartsWith($"[CacheJsonContext] names '{shown}', which is not a non-abstract, non-generic class deriving from JsonSerializerContext",
            Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AssemblyAttributeNamingNoContext_IsReported_AndItsMethodsGetNoOtherJsonDiagnostic()
    {
        string header = JsonContextSource.Header.Replace("namespace Shop;", "[assembly: CacheJsonContext({|HP0116:typeof(string)|})]\nnamespace Shop;");
        await AnalyzerTest<CacheJsonContextAnalyzer>.VerifyAsync(header + """
            public sealed class Catalog
            {
                [Cached] public ValueTask<Product?> GetAsync(long id) => default;
            }
            """, ["HP0116", "HP0112", "HP0113"]);
    }

    [Fact]
    public async Task RealContext_IsNotReported()
    {
        await AnalyzerTest<CacheJsonContextAnalyzer>.VerifyAsync(JsonContextSource.Header + """
            [JsonSerializable(typeof(Product))]
            public sealed class AppJsonContext : WrittenOutContext { }

            [CacheJsonContext(typeof(AppJsonContext))]
            public sealed class Catalog
            {
                [Cached] public ValueTask<Product?> GetAsync(long id) => default;
            }
            """, ["HP0116"]);
    }
}
