using HighPerf.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

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
        GeneratorRunResult result = IncrementalRun.AfterEdit(
            [Service, "namespace Shop; public class Other { public int Value => 1; }"],
            editedSource: 1,
            "namespace Shop; public class Other { public int Value => 2; }");

        IncrementalRun.AssertStepAndOutputsReused(result, TrackingNames.TrackPerformancePlans);
    }

    [Fact]
    public void EditingTheAttribute_ModifiesThePlanAndTheOutput()
    {
        GeneratorRunResult result = IncrementalRun.AfterEdit([Service], editedSource: 0, Service.Replace("= 100", "= 500"));

        var output = Assert.Single(result.TrackedSteps[TrackingNames.TrackPerformancePlans].SelectMany(step => step.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, output.Reason);
        Assert.Contains("500", result.GeneratedSources.Single().SourceText.ToString());
    }
}
