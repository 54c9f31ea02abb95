using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.CodeFixes.Usage;

/// <summary>Applies any number of <see cref="PartialRewritePlan"/>s to one syntax root.</summary>
internal static class PartialRewriter
{
    public static SyntaxNode Apply(SyntaxNode root, IReadOnlyCollection<PartialRewritePlan> plans)
    {
        var methods = plans.Where(p => p.Method is not null).GroupBy(p => p.Method!).Select(g => g.First()).ToList();
        var types = plans.SelectMany(p => p.Types).Distinct().ToList();
        SyntaxTrivia endOfLine = EndOfLine(root);

        // Nodes are tracked so that each edit still finds its target after the others changed the tree.
        root = root.TrackNodes(methods.Select(p => (SyntaxNode)p.Method!).Concat(types));
        foreach (PartialRewritePlan plan in methods)
        {
            MethodDeclarationSyntax current = root.GetCurrentNode(plan.Method!)!;
            root = root.ReplaceNode(current, PartialMethodSplitter.Split(current, plan.ImplementationName, endOfLine));
        }

        foreach (TypeDeclarationSyntax type in types)
        {
            TypeDeclarationSyntax current = root.GetCurrentNode(type)!;
            root = root.ReplaceNode(current, PartialModifier.AddTo(current));
        }

        return root;
    }

    private static SyntaxTrivia EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found
            ? found
            : SyntaxFactory.LineFeed;
}
