using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace HighPerf.CodeFixes.Usage;

/// <summary>
/// HP0001: turns a pipeline method with a body into a partial declaration plus its <c>Core</c> implementation
/// method, and makes every containing type partial, in one step. HP0002: makes the type and its containing types partial.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePipelineMethodPartialCodeFix))]
[Shared]
public sealed class MakePipelineMethodPartialCodeFix : CodeFixProvider
{
    public const string SplitMethodKey = "HP0001.SplitIntoPartialDeclarationAndImplementation";
    public const string MakeTypesPartialKey = "HP0002.MakeContainingTypesPartial";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotPartialDeclaration.Id,
        DiagnosticDescriptors.ContainingTypeNotPartial.Id);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Document document = context.Document;
        SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (PartialRewritePlan.TryCreate(root, model, diagnostic, context.CancellationToken) is not { } plan)
            {
                continue;
            }

            string title = plan.Method is { } method
                ? $"Make '{method.Identifier.ValueText}' partial and move its body to '{plan.ImplementationName}'"
                : $"Make '{plan.Types[0].Identifier.ValueText}' partial";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    _ => Task.FromResult(document.WithSyntaxRoot(PartialRewriter.Apply(root, [plan]))),
                    plan.Method is null ? MakeTypesPartialKey : SplitMethodKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        List<PartialRewritePlan> plans = diagnostics
            .Select(diagnostic => PartialRewritePlan.TryCreate(root, model, diagnostic, cancellationToken))
            .OfType<PartialRewritePlan>()
            .ToList();
        return plans.Count == 0 ? document : document.WithSyntaxRoot(PartialRewriter.Apply(root, plans));
    }
}
