using HighPerf.Analyzers.Caching;
using HighPerf.CodeFixes.Caching;
using HighPerf.Testing.Roslyn;

namespace HighPerf.Analyzers.Tests.Caching;

/// <summary>The HP0112 fix: [JsonSerializable(typeof(T))] on the context declaration.</summary>
public sealed class AddJsonSerializableCodeFixTests
{
    private static Task VerifyAsync(string before, string after) =>
        CodeFixTest<CacheJsonContextAnalyzer, AddJsonSerializableCodeFix>.VerifyAsync(
            JsonContextSource.Header + before, JsonContextSource.Header + after, "HP0112");

    [Fact]
    public async Task MissingType_IsAddedNextToTheContextsOtherJsonSerializableLines()
    {
        await VerifyAsync("""
            public sealed record Order(long Id);

            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
            [JsonSerializable(typeof(Product))]
            public sealed class AppJsonContext : WrittenOutContext { }

            [CacheJsonContext(typeof(AppJsonContext))]
            public sealed class Orders
            {
                [Cached] public ValueTask<Order?> GetAsync(long id) => default;
            }
            """, """
            public sealed record Order(long Id);

            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
            [JsonSerializable(typeof(Product))]
            [JsonSerializable(typeof(Order))]
            public sealed class AppJsonContext : WrittenOutContext { }

            [CacheJsonContext(typeof(AppJsonContext))]
            public sealed class Orders
            {
                [Cached] public ValueTask<Order?> GetAsync(long id) => default;
            }
            """);
    }

    [Fact]
    public async Task GenericAndNullableValueTypes_AreWrittenAsTheGeneratorNeedsThem()
    {
        await VerifyAsync("""
            [JsonSerializable(typeof(Product))]
            public sealed class AppJsonContext : WrittenOutContext { }

            [CacheJsonContext(typeof(AppJsonContext))]
            public sealed class Counters
            {
                [Cached] public ValueTask<long?> MaybeAsync(int day) => default;
            }
            """, """
            [JsonSerializable(typeof(Product))]
            [JsonSerializable(typeof(long?))]
            public sealed class AppJsonContext : WrittenOutContext { }

            [CacheJsonContext(typeof(AppJsonContext))]
            public sealed class Counters
            {
                [Cached] public ValueTask<long?> MaybeAsync(int day) => default;
            }
            """);
    }

    [Fact]
    public async Task ContextWithoutAttributes_GetsItsFirstOne()
    {
        await VerifyAsync("""
            public sealed class AppJsonContext : WrittenOutContext { }

            [CacheJsonContext(typeof(AppJsonContext))]
            public sealed class Lists
            {
                [Cached] public ValueTask<ImmutableArray<Product>> PageAsync(int page) => default;
            }
            """, """
            [JsonSerializable(typeof(ImmutableArray<Product>))]
            public sealed class AppJsonContext : WrittenOutContext { }

            [CacheJsonContext(typeof(AppJsonContext))]
            public sealed class Lists
            {
                [Cached] public ValueTask<ImmutableArray<Product>> PageAsync(int page) => default;
            }
            """);
    }
}
