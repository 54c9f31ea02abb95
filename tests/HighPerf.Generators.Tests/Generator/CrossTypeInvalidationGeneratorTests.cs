using HighPerf.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HighPerf.Generators.Tests.Generator;

/// <summary>
/// [InvalidatesCache(typeof(Other), ...)] the generator cannot honour gets no source and no exception (HP0109-HP0111,
/// HP0115 explain why); a clashing Invalidate API is left out while the cache is still generated (HP0114).
/// </summary>
public sealed class CrossTypeInvalidationGeneratorTests
{
    [Theory]
    [InlineData("PrivateCachedMethod", "[Cached] private partial int Get(int id); private int GetCore(int id) => id;", "typeof(Other)")]
    [InlineData("PrivateNestedType", "private partial class Hidden { [Cached] public partial int Get(int id); private int GetCore(int id) => id; }", "typeof(Other.Hidden)")]
    [InlineData("InstanceKeyMember", "public int Tenant; [Cached(KeyMembers = [nameof(Tenant)])] public partial int Get(int id); private int GetCore(int id) => id;", "typeof(Other)")]
    [InlineData("UnknownMethod", "public int Nothing;", "typeof(Other)")]
    [InlineData("UncachedMethod", "public int Get(int id) => id;", "typeof(Other)")]
    [InlineData("MissingKeyParameter", "[Cached] public partial int Get(int id, string region); private int GetCore(int id, string region) => id;", "typeof(Other)")]
    [InlineData("TargetNotGenerated", "[Cached(DurationSeconds = 0)] public partial int Get(int id); private int GetCore(int id) => id;", "typeof(Other)")]
    [InlineData("OpenGeneric", "", "typeof(Generic<>)")]
    [InlineData("NullType", "[Cached] public partial int Get(int id); private int GetCore(int id) => id;", "null!")]
    [InlineData("UnboundTypeName", "[Cached] public partial int Get(int id); private int GetCore(int id) => id;", "typeof(Nowhere)")]
    public void UnreachableTarget_GetsNoGeneratedSource_AndTheGeneratorDoesNotThrow(string scenario, string otherMembers, string typeArgument)
    {
        string attribute = typeArgument.Contains(',') ? typeArgument : typeArgument + ", \"Get\"";
        GeneratorRun run = TestCompilation.Run($$"""
            using HighPerf;
            namespace Shop;
            public partial class Other { {{otherMembers}} }
            public partial class Generic<T> { [Cached] public partial int Get(int id); private int GetCore(int id) => id; }
            public partial class C
            {
                [InvalidatesCache({{attribute}})] public partial void M(int id);
                private void MCore(int id) { }
            }
            """);

        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.StartsWith("Shop.C.M", StringComparison.Ordinal));
        Assert.True(run.GeneratorDiagnostics.IsEmpty, scenario);
    }

    [Fact]
    public void ClashingInvalidateApi_IsLeftOut_TheCachedMethodIsGenerated_AndEverythingCompiles()
    {
        GeneratorRun run = TestCompilation.Run("""
            using System.Threading;
            using System.Threading.Tasks;
            using HighPerf;
            namespace Shop;
            public partial class Catalog
            {
                [Cached] public partial int Get(long id);
                private int GetCore(long id) => 1;
                [Cached] public partial int Get(long id, [NotCacheKey] string trace);
                private int GetCore(long id, string trace) => 2;
                [Cached] public partial string Name(int id);
                private string NameCore(int id) => "n";
                public string InvalidateName = "a field of that name";
            }
            public partial class Orders
            {
                [InvalidatesCache(typeof(Catalog), nameof(Catalog.Name))]
                public partial void Rename(int id);
                private void RenameCore(int id) { }
            }
            """);

        run.AssertNoCompilationErrors();
        string all = string.Concat(run.GeneratedSources.Select(s => s.Source));
        Assert.Equal(3, run.GeneratedSources.Count(s => s.HintName.StartsWith("Shop.Catalog.", StringComparison.Ordinal)));
        Assert.DoesNotContain(" InvalidateGet(", all, StringComparison.Ordinal);
        Assert.DoesNotContain(" InvalidateName(", all, StringComparison.Ordinal);
        Assert.Contains("global::Shop.Catalog.__HighPerf_Name_Invalidate(id, default)", all, StringComparison.Ordinal);
    }

    [Fact]
    public void OverloadsWithDifferentKeyTypes_BothKeepTheirInvalidateApi()
    {
        GeneratorRun run = TestCompilation.Run("""
            using HighPerf;
            namespace Shop;
            public partial class Catalog
            {
                [Cached] public partial int Get(long id);
                private int GetCore(long id) => 1;
                [Cached] public partial int Get(string sku);
                private int GetCore(string sku) => 2;
                public void InvalidateGet(long id, int unrelated) { }
            }
            """);

        run.AssertNoCompilationErrors();
        Assert.Equal(2, run.GeneratedSources.Count(s => s.Source.Contains(" InvalidateGet(", StringComparison.Ordinal)));
    }

    [Fact]
    public void TargetInAReferencedAssembly_IsInvalidatedThroughItsGeneratedAccessor()
    {
        MetadataReference library = CompileLibrary("""
            using HighPerf;
            namespace Inventory;
            public partial class Stock
            {
                [Cached] public partial int Count(long productId);
                private int CountCore(long productId) => 1;
            }
            """, withGenerator: true);

        GeneratorRun run = TestCompilation.Run(ReferencingSource, library);

        run.AssertNoCompilationErrors();
        Assert.Contains("global::Inventory.Stock.__HighPerf_Count_Invalidate(productId, default)", Assert.Single(run.GeneratedSources).Source, StringComparison.Ordinal);
    }

    [Fact]
    public void TargetInAnAssemblyBuiltWithoutTheAccessor_GetsNoSource()
    {
        MetadataReference library = CompileLibrary("""
            using HighPerf;
            namespace Inventory;
            public class Stock
            {
                [Cached] public int Count(long productId) => 1;
            }
            """, withGenerator: false);

        GeneratorRun run = TestCompilation.Run(ReferencingSource, library);

        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    private const string ReferencingSource = """
        using HighPerf;
        namespace Shop;
        public partial class Orders
        {
            [InvalidatesCache(typeof(Inventory.Stock), nameof(Inventory.Stock.Count))]
            public partial void Place(long productId);
            private void PlaceCore(long productId) { }
        }
        """;

    internal static MetadataReference CompileLibrary(string source, bool withGenerator)
    {
        Compilation library = TestCompilation.Create(source).WithAssemblyName("Inventory");
        if (withGenerator)
        {
            TestCompilation.CreateDriver().RunGeneratorsAndUpdateCompilation(library, out library, out _);
        }

        using var stream = new MemoryStream();
        var emitted = library.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
