using HighPerf.Generators.Tests.Infrastructure;

namespace HighPerf.Generators.Tests.Generator;

/// <summary>
/// On a [Cached] or [InvalidatesCache] method it cannot generate, the generator emits nothing for that method and
/// never throws; the caching analyzer (HP01xx) explains why.
/// </summary>
public sealed class CachedBadInputTests
{
    [Theory]
    [InlineData("VoidReturn", "[Cached] public partial void M(int a); private void MCore(int a) { }")]
    [InlineData("TaskReturn", "[Cached] public partial Task M(int a); private Task MCore(int a) => Task.CompletedTask;")]
    [InlineData("ValueTaskReturn", "[Cached] public partial ValueTask M(int a); private ValueTask MCore(int a) => default;")]
    [InlineData("UnknownTagPlaceholder", "[Cached(Tags = [\"p:{nope}\"])] public partial int M(int a); private int MCore(int a) => a;")]
    [InlineData("UnbalancedTag", "[Cached(Tags = [\"p:{a\"])] public partial int M(int a); private int MCore(int a) => a;")]
    [InlineData("NotCacheKeyInTag", "[Cached(Tags = [\"p:{b}\"])] public partial int M(int a, [NotCacheKey] int b); private int MCore(int a, int b) => a;")]
    [InlineData("UnknownKeyMember", "[Cached(KeyMembers = [\"Tenant\"])] public partial int M(int a); private int MCore(int a) => a;")]
    [InlineData("InstanceKeyMemberOnStatic", "public int Tenant; [Cached(KeyMembers = [nameof(Tenant)])] public static partial int M(int a); private static int MCore(int a) => a;")]
    [InlineData("ZeroDuration", "[Cached(DurationSeconds = 0)] public partial int M(int a); private int MCore(int a) => a;")]
    [InlineData("JitterOver100", "[Cached(JitterPercent = 101)] public partial int M(int a); private int MCore(int a) => a;")]
    [InlineData("EagerRefresh100", "[Cached(EagerRefreshPercent = 100)] public partial int M(int a); private int MCore(int a) => a;")]
    [InlineData("CacheableOfWrongType", "[Cached] public partial int M(int a); private Cacheable<long> MCore(int a) => Cacheable.Of(0L);")]
    [InlineData("CacheableWithoutWrapper", "[Cached] public partial ValueTask<int> M(int a); private Cacheable<int> MCore(int a) => Cacheable.Of(a);")]
    [InlineData("CachedAndInvalidates", "[Cached, InvalidatesCache(nameof(M))] public partial int M(int a); private int MCore(int a) => a;")]
    [InlineData("InvalidatesUnknown", "[InvalidatesCache(\"Nope\")] public partial void M(int a); private void MCore(int a) { }")]
    [InlineData("InvalidatesUncached", "[InvalidatesCache(nameof(Other))] public partial void M(int a); private void MCore(int a) { } public int Other(int a) => a;")]
    [InlineData("InvalidatesMissingParameter", "[Cached] public partial int Get(int id); private int GetCore(int id) => id; [InvalidatesCache(nameof(Get))] public partial void M(int other); private void MCore(int other) { }")]
    [InlineData("InvalidatesWrongType", "[Cached] public partial int Get(int id); private int GetCore(int id) => id; [InvalidatesCache(nameof(Get))] public partial void M(long id); private void MCore(long id) { }")]
    [InlineData("InvalidatesStaticWithInstanceKeyMember", "public int T; [Cached(KeyMembers = [nameof(T)])] public partial int Get(int id); private int GetCore(int id) => id; [InvalidatesCache(nameof(Get))] public static partial void M(int id); private static void MCore(int id) { }")]
    [InlineData("NullTag", "[Cached(Tags = [null!])] public partial int M(int a); private int MCore(int a) => a;")]
    public void InvalidMethod_GetsNoGeneratedSource_AndTheGeneratorDoesNotThrow(string scenario, string members)
    {
        GeneratorRun run = TestCompilation.Run(Source(members));

        var generated = run.GeneratedSources.Where(s => s.HintName.StartsWith("Shop.C.M", StringComparison.Ordinal)).ToList();
        Assert.True(generated.Count == 0, $"{scenario}: generated {string.Join(", ", generated.Select(s => s.HintName))}");
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void CachedOnStructInstanceMethod_GetsNoSource_ButAStaticOneInTheSameStructDoes()
    {
        GeneratorRun run = TestCompilation.Run("""
            using HighPerf;
            namespace Shop;
            public partial struct Point
            {
                [Cached] public partial int M(int a);
                private int MCore(int a) => a;

                [Cached] public static partial int S(int a);
                private static int SCore(int a) => a;
            }
            """);

        Assert.Equal("Shop.Point.S.g.cs", Assert.Single(run.GeneratedSources).HintName);
        // The only error left is the compiler's "M has no implementation"; HP0107 tells the user why.
        Assert.Equal("CS8795", Assert.Single(run.Errors).Id);
    }

    [Theory]
    [InlineData("[Cached(DurationSeconds = -1)]")]
    [InlineData("[TrackPerformance(SlowThresholdMilliseconds = -1), Cached]")]
    public void InvalidatesCacheOfAMethodThatIsNotGenerated_IsNotGeneratedEither(string targetAttributes)
    {
        GeneratorRun run = TestCompilation.Run(Source($$"""
            {{targetAttributes}} public partial int Get(int id); private int GetCore(int id) => id;
            [InvalidatesCache(nameof(Get))] public partial void M(int id); private void MCore(int id) { }
            """));

        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void KeyParameterWithoutValueEquality_IsStillGenerated_AndCompiles()
    {
        GeneratorRun run = TestCompilation.Run(Source("""
            public sealed class Filter { public int Page; }
            [Cached] public partial List<int> M(Filter filter); private List<int> MCore(Filter filter) => [filter.Page];
            """));

        Assert.Equal("Shop.C.M.g.cs", Assert.Single(run.GeneratedSources).HintName);
        run.AssertNoCompilationErrors();
    }

    private static string Source(string members) => $$"""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HighPerf;
        using HighPerf.Caching;
        namespace Shop;
        public partial class C
        {
            {{members}}
        }
        """;
}
