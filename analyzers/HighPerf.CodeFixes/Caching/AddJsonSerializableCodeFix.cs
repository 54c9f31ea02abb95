using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Analyzers.Caching;
using HighPerf.Analyzers.Diagnostics;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace HighPerf.CodeFixes.Caching;

/// <summary>
/// HP0112: adds <c>[JsonSerializable(typeof(T))]</c> for the cached value type to the declaration of the context the
/// method's <c>[CacheJsonContext]</c> names, wherever in the solution that declaration is.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddJsonSerializableCodeFix))]
[Shared]
public sealed class AddJsonSerializableCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "HP0112.AddJsonSerializable";

    private const string JsonSerializableName = "global::System.Text.Json.Serialization.JsonSerializable";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.CachedTypeNotInJsonContext.Id);

    // Several methods may need one context edited: each fix edits that declaration, so fix-all would conflict.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } declaration ||
                model.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } method ||
                !ReturnShape.TryClassify(method, out _, out ITypeSymbol? valueType) || valueType is null ||
                CacheJsonContextLookup.FindNearest(method) is not { } attribute ||
                CacheJsonContextLookup.ContextType(attribute) is not { } contextType ||
                FirstSourceDeclaration(contextType, context.CancellationToken) is not { } target)
            {
                continue;
            }

            string title = $"Add [JsonSerializable(typeof({CacheJsonContextAnalyzer.DisplayName(valueType)}))] to '{contextType.Name}'";
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => AddAsync(context.Document.Project.Solution, target, valueType, cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static ClassDeclarationSyntax? FirstSourceDeclaration(INamedTypeSymbol contextType, CancellationToken cancellationToken) =>
        contextType.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax(cancellationToken))
            .OfType<ClassDeclarationSyntax>()
            .FirstOrDefault();

    private static async Task<Solution> AddAsync(Solution solution, ClassDeclarationSyntax target, ITypeSymbol valueType, CancellationToken cancellationToken)
    {
        if (solution.GetDocument(target.SyntaxTree) is not { } document ||
            await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return solution;
        }

        // Fully qualified, then simplified against the context file's usings: `JsonSerializable(typeof(Product))` there.
        TypeSyntax type = SyntaxFactory.ParseTypeName(valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
        AttributeSyntax attribute = SyntaxFactory.Attribute(
            SyntaxFactory.ParseName(JsonSerializableName),
            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(SyntaxFactory.TypeOfExpression(type)))));
        AttributeListSyntax list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);

        ClassDeclarationSyntax updated = InsertAfterLastJsonSerializable(target, list);
        Document changed = document.WithSyntaxRoot(root.ReplaceNode(target, updated));
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return changed.Project.Solution;
    }

    /// <summary>Next to the existing [JsonSerializable] lines, so the list stays together; else after the last attribute.</summary>
    private static ClassDeclarationSyntax InsertAfterLastJsonSerializable(ClassDeclarationSyntax target, AttributeListSyntax list)
    {
        SyntaxList<AttributeListSyntax> lists = target.AttributeLists;
        int index = -1;
        for (int i = 0; i < lists.Count; i++)
        {
            if (lists[i].Attributes.Any(a => a.Name.ToString().Contains("JsonSerializable")))
            {
                index = i;
            }
        }

        if (lists.Count == 0)
        {
            // The declaration's leading trivia (indentation, comments) moves in front of the new attribute.
            SyntaxTriviaList leading = target.GetLeadingTrivia();
            return target.WithoutLeadingTrivia().WithAttributeLists(lists.Add(list.WithLeadingTrivia(leading)));
        }

        return target.WithAttributeLists(lists.Insert(index < 0 ? lists.Count : index + 1, list));
    }
}
