using System.Collections.Immutable;
using HighPerf.Analyzers.Usage;
using HighPerf.Generators;
using HighPerf.Testing.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace HighPerf.Analyzers.Tests.Usage.Infrastructure;

/// <summary>
/// Runs <see cref="PipelineGenerator"/> and then <see cref="PipelineMethodAnalyzer"/> on its output, as a build
/// does, so our own generated implementing parts are part of what the analyzer sees.
/// </summary>
internal static class UsageVerifier
{
    private static readonly MetadataReference Runtime =
        MetadataReference.CreateFromFile(typeof(global::HighPerf.Runtime.MethodTelemetry).Assembly.Location);

    // Errors the compiler reports as a consequence of the usage problem under test (a partial method left
    // without implementation, a partial method in a non-partial type...). Any other error is a broken test source.
    private static readonly HashSet<string> ConsequentialErrors = ["CS8795", "CS0751", "CS0759", "CS8796", "CS0756", "CS0757"];

    /// <summary>Every HP0xxx diagnostic on <paramref name="source"/>, ordered by position.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, bool allowConsequentialErrors = true)
    {
        CSharpCompilation input = TestCompilation.Create(source).AddReferences(Runtime);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
                [new PipelineGenerator().AsSourceGenerator()],
                parseOptions: TestCompilation.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);
        Assert.All(driver.GetRunResult().Results, result => Assert.Null(result.Exception));

        var unexpected = output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !(allowConsequentialErrors && ConsequentialErrors.Contains(d.Id)))
            .ToList();
        Assert.True(unexpected.Count == 0, "The test source (or the generated code) does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, unexpected));

        ImmutableArray<Diagnostic> diagnostics = await AnalyzerTest<PipelineMethodAnalyzer>.RunAsync(output, []);
        // AD0001 (the analyzer threw) is kept so that a crash fails the test instead of hiding a diagnostic.
        return [.. diagnostics.Where(d => d.Id.StartsWith("HP0", StringComparison.Ordinal) || d.Id == "AD0001")];
    }

    /// <summary>
    /// Asserts that the HP0xxx diagnostics are exactly the markup spans: <c>[|...|]</c> for
    /// <paramref name="defaultId"/>, <c>{|HP0007:...|}</c> for any other id. Returns them for message checks.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, string defaultId)
    {
        var (source, spans) = TestMarkup.Parse(markup);
        var expected = spans.Select(s => (Id: s.Id ?? defaultId, s.Span)).OrderBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        ImmutableArray<Diagnostic> actual = await RunAsync(source);
        var actualPairs = actual.Select(d => (d.Id, d.Location.SourceSpan)).ToList();
        Assert.True(
            expected.SequenceEqual(actualPairs),
            "Expected:" + Environment.NewLine + Describe(source, expected) + Environment.NewLine +
            "Actual:" + Environment.NewLine + Describe(source, actualPairs) + Environment.NewLine +
            string.Join(Environment.NewLine, actual.Select(d => "  " + d)));
        return actual;
    }

    /// <summary>Asserts that <paramref name="source"/> generates, compiles without errors and has no HP0xxx diagnostic.</summary>
    public static async Task AssertCleanAsync(string source)
    {
        ImmutableArray<Diagnostic> diagnostics = await RunAsync(source, allowConsequentialErrors: false);
        Assert.True(diagnostics.IsEmpty, string.Join(Environment.NewLine, diagnostics));
    }

    /// <summary>Asserts a single diagnostic and returns its message.</summary>
    public static async Task<string> SingleMessageAsync(string markup, string id)
    {
        ImmutableArray<Diagnostic> diagnostics = await VerifyAsync(markup, id);
        return Assert.Single(diagnostics, d => d.Id == id).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Describe(string source, IEnumerable<(string Id, TextSpan Span)> items)
    {
        var lines = items.Select(i => $"  {i.Id} at {i.Span}: '{source.Substring(i.Span.Start, i.Span.Length)}'").ToList();
        return lines.Count == 0 ? "  (none)" : string.Join(Environment.NewLine, lines);
    }
}
