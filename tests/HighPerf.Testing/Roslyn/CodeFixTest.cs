using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace HighPerf.Testing.Roslyn;

/// <summary>
/// Applies a code fix in an <see cref="AdhocWorkspace"/>: the analyzer runs on the project (with its
/// AdditionalFiles as additional documents, which is how a fixer sees them in the IDE), the fixer is asked for
/// its actions on one diagnostic, and the chosen action's changes are applied.
/// </summary>
public static class CodeFixTest<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>
    /// The source after applying the fix for the <paramref name="occurrence"/>-th diagnostic with
    /// <paramref name="diagnosticId"/>, or null when the fixer offers no action for it.
    /// </summary>
    public static async Task<string?> ApplyAsync(
        string source,
        string diagnosticId,
        IEnumerable<TestAdditionalFile>? additionalFiles = null,
        int occurrence = 0,
        int actionIndex = 0)
    {
        using var workspace = new AdhocWorkspace();
        var document = CreateDocument(workspace, source, additionalFiles);
        var compilation = await document.Project.GetCompilationAsync() ?? throw new InvalidOperationException("No compilation.");
        TestCompilation.AssertNoErrors(compilation);

        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        var matching = diagnostics.Where(d => d.Id == diagnosticId).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.True(matching.Count > occurrence, $"Expected at least {occurrence + 1} {diagnosticId} diagnostic(s), found {matching.Count}.");

        var fixer = new TCodeFix();
        Assert.Contains(diagnosticId, fixer.FixableDiagnosticIds);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, matching[occurrence], (action, _) => actions.Add(action), CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(context);
        if (actions.Count <= actionIndex)
        {
            return null;
        }

        var operations = await actions[actionIndex].GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var text = await changed.GetDocument(document.Id)!.GetTextAsync();
        return text.ToString();
    }

    /// <summary>Asserts that fixing the first <paramref name="diagnosticId"/> diagnostic turns the source into <paramref name="expected"/>.</summary>
    public static async Task VerifyAsync(string source, string expected, string diagnosticId, IEnumerable<TestAdditionalFile>? additionalFiles = null)
    {
        var actual = await ApplyAsync(source, diagnosticId, additionalFiles);
        Assert.NotNull(actual);
        Assert.Equal(expected.ReplaceLineEndings(), actual!.ReplaceLineEndings());
    }

    private static Document CreateDocument(AdhocWorkspace workspace, string source, IEnumerable<TestAdditionalFile>? additionalFiles)
    {
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "TestProject",
                "TestAssembly",
                LanguageNames.CSharp,
                compilationOptions: TestCompilation.CompilationOptions,
                parseOptions: TestCompilation.ParseOptions,
                metadataReferences: TestReferences.All));
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Test0.cs", SourceText.From(source), filePath: "/src/Test0.cs");
        foreach (var file in additionalFiles ?? [])
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(file.Path), SourceText.From(file.Text), filePath: file.Path);
        }

        if (!workspace.TryApplyChanges(solution))
        {
            throw new InvalidOperationException("The workspace refused the test project.");
        }

        return workspace.CurrentSolution.GetDocument(documentId)!;
    }
}
