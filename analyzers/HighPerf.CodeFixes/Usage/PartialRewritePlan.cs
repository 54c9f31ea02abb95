using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HighPerf.Analyzers.Diagnostics;
using HighPerf.Generators;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.CodeFixes.Usage;

/// <summary>
/// What fixing one HP0001 or HP0002 diagnostic changes: methods to split into declaration + implementation,
/// and type declarations that need <c>partial</c>. Plans for many diagnostics apply together (Fix All).
/// </summary>
internal sealed class PartialRewritePlan
{
    private PartialRewritePlan(MethodDeclarationSyntax? method, string implementationName, IReadOnlyList<TypeDeclarationSyntax> types)
    {
        Method = method;
        ImplementationName = implementationName;
        Types = types;
    }

    public MethodDeclarationSyntax? Method { get; }

    public string ImplementationName { get; }

    public IReadOnlyList<TypeDeclarationSyntax> Types { get; }

    /// <summary>The plan for <paramref name="diagnostic"/>, or null when the rewrite cannot be done safely.</summary>
    public static PartialRewritePlan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode? node = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
        if (diagnostic.Id == DiagnosticDescriptors.ContainingTypeNotPartial.Id && node is TypeDeclarationSyntax type)
        {
            // The type, the types around it, and the types between it and its pipeline methods.
            var chain = type.AncestorsAndSelf().Concat(PipelineMethods(type, model, cancellationToken)
                .SelectMany(method => method.Ancestors().TakeWhile(ancestor => ancestor != type)));
            var types = TypesLackingPartial(chain).Distinct().ToList();
            return types.Count == 0 ? null : new PartialRewritePlan(null, "", types);
        }

        if (diagnostic.Id != DiagnosticDescriptors.NotPartialDeclaration.Id ||
            node is not MethodDeclarationSyntax method ||
            (method.Body is null && method.ExpressionBody is null) ||
            method.ExplicitInterfaceSpecifier is not null ||
            PartialModifier.IsPresent(method.Modifiers) ||
            model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return null;
        }

        List<string> names = StageAttributes.ImplementationNames(symbol);
        if (names.Count > 1)
        {
            return null;
        }

        string implementationName = names.Count == 1 ? names[0] : symbol.Name + KnownNames.ImplementationSuffix;
        if (!SyntaxFacts.IsValidIdentifier(implementationName) || !symbol.ContainingType.GetMembers(implementationName).IsEmpty)
        {
            // Splitting would add a second member with that name; the user has to choose.
            return null;
        }

        return new PartialRewritePlan(method, implementationName, TypesLackingPartial(method.Ancestors()));
    }

    private static IEnumerable<MethodDeclarationSyntax> PipelineMethods(TypeDeclarationSyntax type, SemanticModel model, CancellationToken cancellationToken) =>
        type.DescendantNodes()
            .OfType<MethodDeclarationSyntax>()
            .Where(method => method.AttributeLists.Count > 0 &&
                model.GetDeclaredSymbol(method, cancellationToken) is { } symbol &&
                symbol.GetAttributes().Any(a => TypeNames.InheritsFrom(a.AttributeClass, KnownNames.PipelineStageAttribute)));

    private static List<TypeDeclarationSyntax> TypesLackingPartial(IEnumerable<SyntaxNode> nodes) =>
        nodes.OfType<TypeDeclarationSyntax>().Where(t => !PartialModifier.IsPresent(t.Modifiers)).ToList();
}
