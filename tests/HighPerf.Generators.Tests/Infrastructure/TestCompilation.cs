using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using HighPerf.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HighPerf.Generators.Tests.Infrastructure;

/// <summary>
/// Compiles user code in memory against the .NET 10 reference assemblies (no download) plus HighPerf's
/// attributes and runtime, runs <see cref="PipelineGenerator"/>, and can load the result to call it.
/// </summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(global::HighPerf.TrackPerformanceAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::HighPerf.Runtime.MethodTelemetry).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
    ];

    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "UserCode",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new PipelineGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; fails the test if the generator itself threw.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(Create(sources));

    /// <summary>Runs the generator on code that uses another, already compiled assembly.</summary>
    public static GeneratorRun Run(string source, MetadataReference reference) => Run(Create(source).AddReferences(reference));

    private static GeneratorRun Run(CSharpCompilation input)
    {
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        return new GeneratorRun(input, output, driver, generatorDiagnostics, result);
    }

    /// <summary>Generates, compiles without errors and loads the assembly into a collectible context.</summary>
    public static Assembly GenerateAndLoad(params string[] sources)
    {
        GeneratorRun run = Run(sources);
        run.AssertNoCompilationErrors();
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("UserCode-" + Guid.NewGuid(), isCollectible: true);
        return context.LoadFromStream(stream);
    }
}

internal sealed record GeneratorRun(
    Compilation Input,
    Compilation Output,
    GeneratorDriver Driver,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriverRunResult Result)
{
    public IReadOnlyList<(string HintName, string Source)> GeneratedSources =>
        Result.Results.SelectMany(r => r.GeneratedSources)
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToList();

    public IEnumerable<Diagnostic> Errors =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);

    public void AssertNoCompilationErrors()
    {
        var problems = Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0,
            "Generated code does not compile cleanly:" + Environment.NewLine +
            string.Join(Environment.NewLine, problems) + Environment.NewLine +
            string.Join(Environment.NewLine, GeneratedSources.Select(s => "// " + s.HintName + Environment.NewLine + s.Source)));
    }
}
