using HighPerf.Analyzers.Tests.Usage.Infrastructure;
using HighPerf.Analyzers.Usage;
using HighPerf.Generators;
using HighPerf.Testing.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HighPerf.Analyzers.Tests.Usage;

/// <summary>Behaviour of the analyzer as a whole, beyond any one id.</summary>
public class PipelineMethodAnalyzerTests
{
    [Fact]
    public async Task MethodWhoseBodyWasGenerated_IsStillAnalyzed()
    {
        // Once the generator has written the implementing part, Roslyn treats the partial method as generated code;
        // the analyzer must still see it, or warnings such as HP0011 would never appear in a real build.
        string source = UsageSource.InClass("""
                [TrackPerformance(SlowThresholdMilliseconds = 250)]
                public partial int Add(int a, int b);
                private int AddCore(int a, int b) => a + b;
            """);
        CSharpGeneratorDriver.Create([new PipelineGenerator().AsSourceGenerator()], parseOptions: TestCompilation.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(
                TestCompilation.Create(source).AddReferences(MetadataReference.CreateFromFile(typeof(global::HighPerf.Runtime.MethodTelemetry).Assembly.Location)),
                out Compilation output,
                out _);
        Assert.Equal(2, output.SyntaxTrees.Count());

        var diagnostics = await UsageVerifier.RunAsync(source);

        Assert.Equal("HP0011", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task CompilationWithoutHighPerf_RegistersNothing()
    {
        var compilation = CSharpCompilation.Create(
            "NoHighPerf",
            [CSharpSyntaxTree.ParseText("""
                namespace HighPerf { public class TrackPerformanceAttribute : System.Attribute { } }
                public class Service { [HighPerf.TrackPerformance] public int Add(int a, int b) => a + b; }
                """, TestCompilation.ParseOptions)],
            Basic.Reference.Assemblies.Net100.References.All,
            TestCompilation.CompilationOptions);

        var diagnostics = await AnalyzerTest<PipelineMethodAnalyzer>.RunAsync(compilation, []);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task ProblemsOfDifferentKinds_AreAllReportedTogether()
    {
        await UsageVerifier.VerifyAsync(UsageSource.InClass(
            """
                [TrackPerformance({|HP0012:SlowThresholdMilliseconds = -5|})]
                public partial void Fill(ref int {|HP0005:count|});

                [TrackPerformance]
                public partial int {|HP0007:Count|}();
            """,
            "public sealed class {|HP0002:OrderService|}"), "HP0000");
    }
}
