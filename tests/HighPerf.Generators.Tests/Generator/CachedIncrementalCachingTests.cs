using HighPerf.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Tests.Generator;

/// <summary>The [Cached] and [InvalidatesCache] steps stay cached on unrelated edits and re-run on relevant ones.</summary>
public sealed class CachedIncrementalCachingTests
{
    private const string Service = """
        using System.Threading.Tasks;
        using HighPerf;
        namespace Shop;
        public partial class Products
        {
            [Cached(DurationSeconds = 60, Tags = ["product:{id}"])]
            public partial ValueTask<string> GetAsync(long id);
            private ValueTask<string> GetAsyncCore(long id) => new("p");

            [InvalidatesCache(nameof(GetAsync))]
            public partial void Rename(long id, string name);
            private void RenameCore(long id, string name) { }
        }
        """;

    [Theory]
    [InlineData(TrackingNames.CachedPlans)]
    [InlineData(TrackingNames.InvalidatesCachePlans)]
    public void UnrelatedEdit_LeavesTheStepCachedOrUnchanged_AndTheOutputCached(string step)
    {
        GeneratorRunResult result = IncrementalRun.AfterEdit(
            [Service, "namespace Shop; public class Other { public int Value => 1; }"],
            editedSource: 1,
            "namespace Shop; public class Other { public int Value => 2; }");

        IncrementalRun.AssertStepAndOutputsReused(result, step);
    }

    [Fact]
    public void EditingTheCachedAttribute_ModifiesTheCachedPlanOnly()
    {
        GeneratorRunResult result = IncrementalRun.AfterEdit(
            [Service], editedSource: 0, Service.Replace("DurationSeconds = 60", "DurationSeconds = 90"));

        var cached = Assert.Single(result.TrackedSteps[TrackingNames.CachedPlans].SelectMany(s => s.Outputs));
        var invalidation = Assert.Single(result.TrackedSteps[TrackingNames.InvalidatesCachePlans].SelectMany(s => s.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, cached.Reason);
        Assert.True(invalidation.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"invalidation plan: {invalidation.Reason}");
        Assert.Contains("FromSeconds(90)", result.GeneratedSources.Single(s => s.HintName == "Shop.Products.GetAsync.g.cs").SourceText.ToString());
    }

    [Fact]
    public void AddingAKeyParameterToTheTarget_ModifiesTheInvalidationPlan()
    {
        string before = Service.Replace("[InvalidatesCache(nameof(GetAsync))]", "[InvalidatesCache(nameof(GetAsync))] // v1");
        string after = Service
            .Replace("GetAsync(long id)", "GetAsync(long id, string name)")
            .Replace("GetAsyncCore(long id)", "GetAsyncCore(long id, string name)");

        GeneratorRunResult result = IncrementalRun.AfterEdit([before], editedSource: 0, after);

        var invalidation = Assert.Single(result.TrackedSteps[TrackingNames.InvalidatesCachePlans].SelectMany(s => s.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, invalidation.Reason);
        Assert.Contains("new(id, name)", result.GeneratedSources.Single(s => s.HintName == "Shop.Products.Rename.g.cs").SourceText.ToString());
    }

    private const string Orders = """
        using HighPerf;
        namespace Shop;
        public partial class Orders
        {
            [InvalidatesCache(typeof(Products), nameof(Products.GetAsync))]
            public partial void Place(long id, int quantity);
            private void PlaceCore(long id, int quantity) { }
        }
        """;

    [Fact]
    public void EditingTheOtherTypesPolicy_LeavesTheCrossTypeInvalidationPlanCachedOrUnchanged()
    {
        GeneratorRunResult result = IncrementalRun.AfterEdit(
            [Service, Orders], editedSource: 0, Service.Replace("DurationSeconds = 60", "DurationSeconds = 90"));

        var plans = result.TrackedSteps[TrackingNames.InvalidatesCachePlans].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, plans.Count);
        Assert.All(plans, plan => Assert.True(
            plan.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"invalidation plan: {plan.Reason}"));
    }

    [Fact]
    public void AddingAKeyParameterToTheOtherTypesTarget_ModifiesTheCrossTypeInvalidationPlan()
    {
        string after = Service
            .Replace("GetAsync(long id)", "GetAsync(long id, int quantity)")
            .Replace("GetAsyncCore(long id)", "GetAsyncCore(long id, int quantity)")
            .Replace("[InvalidatesCache(nameof(GetAsync))]", "");

        GeneratorRunResult result = IncrementalRun.AfterEdit([Service, Orders], editedSource: 0, after);

        var plan = Assert.Single(result.TrackedSteps[TrackingNames.InvalidatesCachePlans].SelectMany(s => s.Outputs),
            o => o.Reason != IncrementalStepRunReason.Removed);
        Assert.Equal(IncrementalStepRunReason.Modified, plan.Reason);
        Assert.Contains("global::Shop.Products.__HighPerf_GetAsync_Invalidate(id, quantity, default)",
            result.GeneratedSources.Single(s => s.HintName == "Shop.Orders.Place.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
