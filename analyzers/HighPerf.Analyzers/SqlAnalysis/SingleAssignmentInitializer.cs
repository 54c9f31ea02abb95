using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>
/// Finds the initializer of a local or static readonly field whose value never changes after it, so that
/// <c>var sql = "SELECT ..."; connection.Query(sql)</c> is analyzed like the literal itself.
/// </summary>
internal static class SingleAssignmentInitializer
{
    public static SyntaxNode? Find(ILocalSymbol local, CancellationToken cancellationToken)
    {
        if (Declarator(local, cancellationToken) is not { Initializer.Value: var value } declarator)
        {
            return null;
        }

        // Any write after the declaration (sql += ..., sql = ..., ref/out) makes the text flow-dependent.
        var scope = EnclosingBody(declarator);
        foreach (var node in scope.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier
                && identifier.Identifier.ValueText == local.Name
                && IsWrite(identifier))
            {
                return null;
            }
        }

        return value;
    }

    public static SyntaxNode? Find(IFieldSymbol field, CancellationToken cancellationToken) =>
        field.Type.SpecialType == SpecialType.System_String && Declarator(field, cancellationToken) is { Initializer.Value: var value }
            ? value
            : null;

    private static VariableDeclaratorSyntax? Declarator(ISymbol symbol, CancellationToken cancellationToken) =>
        symbol.DeclaringSyntaxReferences.Length == 1
            ? symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as VariableDeclaratorSyntax
            : null;

    private static SyntaxNode EnclosingBody(SyntaxNode declarator)
    {
        foreach (var ancestor in declarator.Ancestors())
        {
            if (ancestor is MemberDeclarationSyntax and not GlobalStatementSyntax)
            {
                return ancestor;
            }
        }

        return declarator.SyntaxTree.GetRoot();
    }

    private static bool IsWrite(IdentifierNameSyntax identifier)
    {
        SyntaxNode node = identifier;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            RefExpressionSyntax => true,
            _ => false,
        };
    }
}
