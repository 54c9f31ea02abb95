using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace HighPerf.Testing.Roslyn;

/// <summary>
/// Runs one analyzer over an in-memory compilation and compares its diagnostics with location markup
/// (see <see cref="TestMarkup"/>). The test source must compile, so a typo in a test cannot pass silently.
/// </summary>
public static class AnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>The analyzer's diagnostics on <paramref name="source"/>, ordered by position.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        string source,
        IEnumerable<TestAdditionalFile>? additionalFiles = null,
        CancellationToken cancellationToken = default)
    {
        var compilation = TestCompilation.Create(source);
        TestCompilation.AssertNoErrors(compilation);
        return await RunAsync(compilation, TestAdditionalFile.ToAdditionalTexts(additionalFiles), cancellationToken);
    }

    /// <summary>The analyzer's diagnostics on an existing compilation, ordered by position.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        Compilation compilation,
        ImmutableArray<AdditionalText> additionalFiles,
        CancellationToken cancellationToken = default)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()),
            new AnalyzerOptions(additionalFiles));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>
    /// Asserts that the diagnostics whose id is in <paramref name="ids"/> are exactly the markup spans.
    /// <c>[|...|]</c> spans stand for the single id in <paramref name="ids"/>. Returns the compared diagnostics
    /// so a test can also check their messages.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(
        string markup,
        string[] ids,
        IEnumerable<TestAdditionalFile>? additionalFiles = null)
    {
        var (source, spans) = TestMarkup.Parse(markup);
        if (spans.Any(s => s.Id is null) && ids.Length != 1)
        {
            throw new ArgumentException("[|...|] markup needs exactly one id to stand for.", nameof(ids));
        }

        var expected = spans.Select(s => (Id: s.Id ?? ids[0], s.Span)).ToList();
        var actual = (await RunAsync(source, additionalFiles))
            .Where(d => ids.Contains(d.Id))
            .ToImmutableArray();
        var actualPairs = actual.Select(d => (d.Id, d.Location.SourceSpan)).ToList();
        if (!expected.SequenceEqual(actualPairs))
        {
            Assert.Fail(
                "Expected diagnostics:" + Environment.NewLine + Describe(source, expected) + Environment.NewLine
                + "Actual diagnostics:" + Environment.NewLine + Describe(source, actualPairs) + Environment.NewLine
                + string.Join(Environment.NewLine, actual.Select(d => "  " + d)));
        }

        return actual;
    }

    private static string Describe(string source, IEnumerable<(string Id, Microsoft.CodeAnalysis.Text.TextSpan Span)> items)
    {
        var lines = items.Select(i => $"  {i.Id} at {i.Span}: '{source.Substring(i.Span.Start, i.Span.Length)}'").ToList();
        return lines.Count == 0 ? "  (none)" : string.Join(Environment.NewLine, lines);
    }
}
