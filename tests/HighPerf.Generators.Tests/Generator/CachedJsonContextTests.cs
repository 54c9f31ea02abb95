using HighPerf.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Tests.Generator;

/// <summary>
/// Which <c>[CacheJsonContext]</c> a distributed [Cached] method gets (nearest wins: its type, containing types, the
/// assembly), what happens when it names something that is not a context, and how the steps cache.
/// </summary>
public sealed class CachedJsonContextTests
{
    // The test driver runs only our generator, so the contexts are written out as System.Text.Json would complete them.
    private const string Contexts = """
        using System;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        namespace Json
        {
            public sealed class AppContext : JsonSerializerContext
            {
                public AppContext() : base(null) { }
                public static AppContext Default { get; } = new();
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override JsonTypeInfo? GetTypeInfo(Type type) => null;
            }

            public sealed class AdminContext : JsonSerializerContext
            {
                public AdminContext() : base(null) { }
                public static AdminContext Default { get; } = new();
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override JsonTypeInfo? GetTypeInfo(Type type) => null;
            }
        }
        """;

    private const string Service = """
        using System.Threading.Tasks;
        using HighPerf;
        namespace Shop;
        public partial class Products
        {
            [Cached] public partial ValueTask<string> GetAsync(long id);
            private ValueTask<string> GetAsyncCore(long id) => new("p");

            [Cached(Distributed = false)] public partial ValueTask<string> LocalAsync(long id);
            private ValueTask<string> LocalAsyncCore(long id) => new("l");
        }

        [CacheJsonContext(typeof(Json.AdminContext))]
        public partial class Admin
        {
            public partial class Reports
            {
                [Cached] public partial ValueTask<int> CountAsync(int day);
                private ValueTask<int> CountAsyncCore(int day) => new(day);
            }

            [CacheJsonContext(typeof(Json.AppContext))]
            public partial class Overridden
            {
                [Cached] public partial ValueTask<int> SumAsync(int day);
                private ValueTask<int> SumAsyncCore(int day) => new(day);
            }
        }
        """;

    private const string AssemblyContext = "[assembly: HighPerf.CacheJsonContext(typeof(Json.AppContext))]";

    [Fact]
    public void NearestContextWins_TypeThenContainingTypeThenAssembly_AndL1OnlyMethodsGetNone()
    {
        GeneratorRun run = TestCompilation.Run(Contexts, Service, AssemblyContext);
        run.AssertNoCompilationErrors();

        Assert.Contains("JsonContext = global::Json.AppContext.Default,", Source(run, "Shop.Products.GetAsync.g.cs"));
        Assert.DoesNotContain("JsonContext", Source(run, "Shop.Products.LocalAsync.g.cs"));
        Assert.Contains("JsonContext = global::Json.AdminContext.Default,", Source(run, "Shop.Admin_Reports.CountAsync.g.cs"));
        Assert.Contains("JsonContext = global::Json.AppContext.Default,", Source(run, "Shop.Admin_Overridden.SumAsync.g.cs"));
    }

    [Fact]
    public void NoContextAnywhere_EmitsNoJsonContextOption()
    {
        GeneratorRun run = TestCompilation.Run(Contexts, Service);

        Assert.DoesNotContain("JsonContext", Source(run, "Shop.Products.GetAsync.g.cs"));
        Assert.Contains("JsonContext = global::Json.AdminContext.Default,", Source(run, "Shop.Admin_Reports.CountAsync.g.cs"));
    }

    [Theory]
    [InlineData("typeof(string)")]
    [InlineData("typeof(System.Text.Json.Serialization.JsonSerializerContext)")]
    [InlineData("null!")]
    public void TypeLevelAttributeNamingNoUsableContext_GeneratesNothingForItsDistributedMethods(string argument)
    {
        GeneratorRun run = TestCompilation.Run(Contexts, Service.Replace("typeof(Json.AdminContext)", argument));

        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName == "Shop.Admin_Reports.CountAsync.g.cs");
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Shop.Admin_Overridden.SumAsync.g.cs");
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Shop.Products.GetAsync.g.cs");
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void AssemblyAttributeNamingNoContext_GeneratesNothingForTheMethodsItGoverns_OnlyThem()
    {
        GeneratorRun run = TestCompilation.Run(Contexts, Service, "[assembly: HighPerf.CacheJsonContext(typeof(int))]");

        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName == "Shop.Products.GetAsync.g.cs");
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Shop.Products.LocalAsync.g.cs");
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Shop.Admin_Reports.CountAsync.g.cs");
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Theory]
    [InlineData(TrackingNames.CachedPlans)]
    [InlineData(TrackingNames.AssemblyCacheJsonContext)]
    public void UnrelatedEdit_LeavesTheContextStepAndThePlansCached(string step)
    {
        GeneratorRunResult result = IncrementalRun.AfterEdit(
            [Contexts, Service, AssemblyContext, "namespace Shop; public class Other { public int Value => 1; }"],
            editedSource: 3,
            "namespace Shop; public class Other { public int Value => 2; }");

        IncrementalRun.AssertStepAndOutputsReused(result, step);
    }

    [Fact]
    public void ChangingTheAssemblyContext_ModifiesTheContextStep_AndRegeneratesTheMethodsUsingIt()
    {
        GeneratorRunResult result = IncrementalRun.AfterEdit(
            [Contexts, Service, AssemblyContext], editedSource: 2, AssemblyContext.Replace("AppContext", "AdminContext"));

        var context = Assert.Single(result.TrackedSteps[TrackingNames.AssemblyCacheJsonContext].SelectMany(s => s.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, context.Reason);
        Assert.Contains("JsonContext = global::Json.AdminContext.Default,",
            result.GeneratedSources.Single(s => s.HintName == "Shop.Products.GetAsync.g.cs").SourceText.ToString());
    }

    private static string Source(GeneratorRun run, string hintName) =>
        run.GeneratedSources.Single(s => s.HintName == hintName).Source;
}
