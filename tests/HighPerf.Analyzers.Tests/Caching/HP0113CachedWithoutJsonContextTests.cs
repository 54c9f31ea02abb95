using HighPerf.Analyzers.Caching;
using HighPerf.Testing.Roslyn;

namespace HighPerf.Analyzers.Tests.Caching;

/// <summary>HP0113: a distributed [Cached] method with no [CacheJsonContext] in force.</summary>
public sealed class HP0113CachedWithoutJsonContextTests
{
    [Fact]
    public async Task DistributedMethodWithNoContextAnywhere_IsReported_SayingWhatToAdd()
    {
        var diagnostics = await AnalyzerTest<CacheJsonContextAnalyzer>.VerifyAsync(JsonContextSource.Header + """
            public sealed class Catalog
            {
                [Cached] public [|ValueTask<Product?>|] GetAsync(long id) => default;
                [Cached(Distributed = false)] public ValueTask<Product?> LocalAsync(long id) => default;
            }
            """, ["HP0113"]);

        Assert.Equal(
            "'GetAsync' caches 'Product' in L2, but no [CacheJsonContext] applies to it, so its values are serialized through resolvers registered at run time or reflection (not trim- or Native AOT-safe); add [CacheJsonContext(typeof(YourJsonContext))] to 'Catalog' or to the assembly, with [JsonSerializable(typeof(Product))] on that context",
            Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, diagnostics[0].Severity);
    }

    [Fact]
    public async Task ContextOnAContainingTypeOrTheAssembly_SilencesIt()
    {
        string header = JsonContextSource.Header.Replace("namespace Shop;", "[assembly: CacheJsonContext(typeof(Shop.AppJsonContext))]\nnamespace Shop;");
        await AnalyzerTest<CacheJsonContextAnalyzer>.VerifyAsync(header + """
            [JsonSerializable(typeof(Product))]
            public sealed class AppJsonContext : WrittenOutContext { }

            public sealed class Catalog
            {
                [Cached] public ValueTask<Product?> GetAsync(long id) => default;
            }
            """, ["HP0113"]);
    }
}
