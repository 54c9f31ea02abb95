using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HighPerf.Testing.Roslyn;

/// <summary>Builds in-memory C# compilations with the options every analyzer and generator test shares.</summary>
public static class TestCompilation
{
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    /// <summary>A compilation of <paramref name="sources"/> (file names Test0.cs, Test1.cs...) against <see cref="TestReferences.All"/>.</summary>
    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "TestAssembly",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Test{i}.cs")),
            TestReferences.All,
            CompilationOptions);

    /// <summary>Fails with the compiler's messages when the test source itself does not compile.</summary>
    public static void AssertNoErrors(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        if (!errors.IsEmpty)
        {
            throw new InvalidOperationException("The test source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }
}
