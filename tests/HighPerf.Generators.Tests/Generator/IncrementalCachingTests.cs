using HighPerf.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HighPerf.Generators.Tests.Generator;

/// <summary>Unrelated edits must leave every step cached; relevant edits must re-run them (so the test can fail).</summary>
public sealed class IncrementalCachingTests
{
    private const string Service = """
        using HighPerf;
        namespace Shop;
        public partial class Prices
        {
            [TrackPerformance(SlowThresholdMilliseconds = 100)]
            public partial decimal Quote(int productId);
            private decimal QuoteCore(int productId) => productId * 1.5m;
        }
        """;

    [Fact]
    public void UnrelatedEdit_LeavesEveryTrackedStepCachedOrUnchanged()
    {
        CSharpCompilation first = TestCompilation.Create(Service, "namespace Shop; public class Other { public int Value => 1; }");
        GeneratorDriver driver = TestCompilation.CreateDriver().RunGenerators(first);

        Compilation second = first.ReplaceSyntaxTree(
            first.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace Shop; public class Other { public int Value => 2; }", TestCompilation.ParseOptions, path: "Source1.cs"));
        GeneratorRunResult result = driver.RunGenerators(second).GetRunResult().Results.Single();

        var steps = result.TrackedSteps[TrackingNames.TrackPerformancePlans].SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"step re-ran with reason {output.Reason}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void EditingTheAttribute_ModifiesThePlanAndTheOutput()
    {
        CSharpCompilation first = TestCompilation.Create(Service);
        GeneratorDriver driver = TestCompilation.CreateDriver().RunGenerators(first);

        Compilation second = first.ReplaceSyntaxTree(
            first.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(Service.Replace("= 100", "= 500"), TestCompilation.ParseOptions, path: "Source0.cs"));
        GeneratorRunResult result = driver.RunGenerators(second).GetRunResult().Results.Single();

        var output = Assert.Single(result.TrackedSteps[TrackingNames.TrackPerformancePlans].SelectMany(step => step.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, output.Reason);
        Assert.Contains("500", result.GeneratedSources.Single().SourceText.ToString());
    }
}
