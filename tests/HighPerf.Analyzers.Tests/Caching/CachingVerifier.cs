using System.Collections.Immutable;
using HighPerf.Analyzers.Caching;
using HighPerf.Generators;
using HighPerf.Testing.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HighPerf.Analyzers.Tests.Caching;

/// <summary>
/// Runs the generator, then <see cref="CachedMethodAnalyzer"/> on its output (as a build does), and compares the
/// HP01xx diagnostics with <c>[|...|]</c> / <c>{|HP0102:...|}</c> markup.
/// </summary>
internal static class CachingVerifier
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Threading;
        using System.Threading.Tasks;
        using HighPerf;
        using HighPerf.Caching;

        namespace Shop;

        public sealed record Product(long Id, string Name);

        """;

    private static readonly MetadataReference Runtime =
        MetadataReference.CreateFromFile(typeof(global::HighPerf.Caching.Cacheable).Assembly.Location);

    // A method the generator leaves alone has no implementing part: the compiler says so (CS8795) next to our diagnostic.
    private static readonly HashSet<string> ConsequentialErrors = ["CS8795"];

    public static string InClass(string members) =>
        Usings + "public sealed partial class ProductService" + Environment.NewLine + "{" + Environment.NewLine + members + Environment.NewLine + "}" + Environment.NewLine;

    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, string defaultId, params MetadataReference[] references)
    {
        var (source, spans) = TestMarkup.Parse(markup);
        CSharpCompilation input = TestCompilation.Create(source).AddReferences(Runtime).AddReferences(references);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new PipelineGenerator().AsSourceGenerator()], parseOptions: TestCompilation.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);
        Assert.All(driver.GetRunResult().Results, result => Assert.Null(result.Exception));

        var unexpected = output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !ConsequentialErrors.Contains(d.Id))
            .ToList();
        Assert.True(unexpected.Count == 0, "The test source (or the generated code) does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, unexpected));

        ImmutableArray<Diagnostic> actual = [.. (await AnalyzerTest<CachedMethodAnalyzer>.RunAsync(output, []))
            .Where(d => d.Id.StartsWith("HP01", StringComparison.Ordinal))];
        var expected = spans.Select(s => (Id: s.Id ?? defaultId, s.Span)).OrderBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var actualPairs = actual.Select(d => (d.Id, d.Location.SourceSpan)).ToList();
        Assert.True(
            expected.SequenceEqual(actualPairs),
            "Expected:" + Environment.NewLine + string.Join(Environment.NewLine, expected.Select(e => $"  {e.Id} '{source.Substring(e.Span.Start, e.Span.Length)}'")) + Environment.NewLine +
            "Actual:" + Environment.NewLine + string.Join(Environment.NewLine, actual.Select(d => "  " + d)));
        return actual;
    }

    public static async Task<string> SingleMessageAsync(string markup, string id, params MetadataReference[] references)
    {
        ImmutableArray<Diagnostic> diagnostics = await VerifyAsync(markup, id, references);
        return Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Compiles <paramref name="source"/> into an assembly named Inventory, through the generator or not (an
    /// assembly built before cross-type invalidation existed has no accessors), to be referenced by a test.</summary>
    public static MetadataReference CompileLibrary(string source, bool withGenerator, string assemblyAttributes = "")
    {
        Compilation library = TestCompilation.Create(Usings.Replace("namespace Shop;", "namespace Inventory;") + source, assemblyAttributes)
            .AddReferences(Runtime).WithAssemblyName("Inventory");
        if (withGenerator)
        {
            CSharpGeneratorDriver.Create([new PipelineGenerator().AsSourceGenerator()], parseOptions: TestCompilation.ParseOptions)
                .RunGeneratorsAndUpdateCompilation(library, out library, out _);
        }

        using var stream = new MemoryStream();
        var emitted = library.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
