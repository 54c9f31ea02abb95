using System.Collections.Immutable;
using HighPerf.Testing.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HighPerf.Analyzers.Tests.Usage.Infrastructure;

/// <summary>Runs a fixer's Fix All provider over one document, as "Fix all occurrences in document" does.</summary>
internal static class FixAllRunner<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static async Task<string> ApplyAsync(string source, string diagnosticId, string equivalenceKey)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Create(), "TestProject", "TestAssembly", LanguageNames.CSharp,
                compilationOptions: TestCompilation.CompilationOptions,
                parseOptions: TestCompilation.ParseOptions,
                metadataReferences: TestReferences.All))
            .AddDocument(documentId, "Test0.cs", SourceText.From(source), filePath: "/src/Test0.cs");
        Document document = solution.GetDocument(documentId)!;

        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        TestCompilation.AssertNoErrors(compilation);
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers([new TAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();

        var fixer = new TCodeFix();
        FixAllProvider provider = fixer.GetFixAllProvider()!;
        var context = new FixAllContext(
            document, fixer, FixAllScope.Document, equivalenceKey, [diagnosticId],
            new FixedDiagnostics(diagnostics.Where(d => d.Id == diagnosticId)), CancellationToken.None);
        CodeAction action = (await provider.GetFixAsync(context))!;
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(documentId)!.GetTextAsync()).ToString();
    }

    private sealed class FixedDiagnostics(IEnumerable<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics);
    }
}
