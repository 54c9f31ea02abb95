using HighPerf.Generators.Tests.Infrastructure;

namespace HighPerf.Generators.Tests.Generator;

/// <summary>
/// On a method it cannot generate, the generator stays quiet: no source, no exception. The usage
/// analyzers (HP0xxx) explain what is wrong.
/// </summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("NotPartial", "[TrackPerformance] public int M(int a) => a;")]
    [InlineData("MissingImplementation", "[TrackPerformance] public partial int M(int a);")]
    [InlineData("MismatchedImplementation", "[TrackPerformance] public partial int M(int a); private long MCore(int a) => a;")]
    [InlineData("StaticMismatch", "[TrackPerformance] public partial int M(int a); private static int MCore(int a) => a;")]
    [InlineData("GenericMethod", "[TrackPerformance] public partial T M<T>(T a); private T MCore<T>(T a) => a;")]
    [InlineData("RefParameter", "[TrackPerformance] public partial void M(ref int a); private void MCore(ref int a) { }")]
    [InlineData("OutParameter", "[TrackPerformance] public partial bool M(out int a); private bool MCore(out int a) { a = 1; return true; }")]
    [InlineData("RefReturn", "private int _x; [TrackPerformance] public partial ref int M(); private ref int MCore() => ref _x;")]
    [InlineData("AsyncEnumerable", "[TrackPerformance] public partial System.Collections.Generic.IAsyncEnumerable<int> M(); private System.Collections.Generic.IAsyncEnumerable<int> MCore() => null!;")]
    [InlineData("NegativeThreshold", "[TrackPerformance(SlowThresholdMilliseconds = -1)] public partial int M(int a); private int MCore(int a) => a;")]
    [InlineData("HandWrittenImplementation", "[TrackPerformance] public partial int M(int a); public partial int M(int a) => a; private int MCore(int a) => a;")]
    [InlineData("Unparsable", "[TrackPerformance] public partial int M(int a private int MCore(int a) => a;")]
    public void InvalidMethod_GetsNoGeneratedSource_AndTheGeneratorDoesNotThrow(string scenario, string members)
    {
        GeneratorRun run = TestCompilation.Run($$"""
            using HighPerf;
            namespace Shop;
            public partial class C
            {
                {{members}}
            }
            """);

        Assert.True(run.GeneratedSources.Count == 0, $"{scenario}: generated {string.Join(", ", run.GeneratedSources.Select(s => s.HintName))}");
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void NonPartialContainingType_GetsNoGeneratedSource()
    {
        GeneratorRun run = TestCompilation.Run("""
            using HighPerf;
            public class Outer
            {
                public partial class Inner
                {
                    [TrackPerformance] public partial int M(int a);
                    private int MCore(int a) => a;
                }
            }
            """);

        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void ValidMethodNextToInvalidOne_IsStillGenerated()
    {
        GeneratorRun run = TestCompilation.Run("""
            using HighPerf;
            public partial class C
            {
                [TrackPerformance] public partial int Good(int a);
                private int GoodCore(int a) => a;

                [TrackPerformance] public partial int Bad(int a);
            }
            """);

        Assert.Equal("C.Good.g.cs", Assert.Single(run.GeneratedSources).HintName);
    }
}
