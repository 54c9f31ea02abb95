using System.Threading;
using System.Threading.Tasks;
using HighPerf.Analyzers.SqlAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace HighPerf.CodeFixes.Sql;

/// <summary>
/// Finds the SQL text around a diagnostic that points inside a string literal, and the SQL offset of the
/// diagnostic's first character, by re-running the analyzer's text assembly on the enclosing expression.
/// </summary>
internal static class SqlLiteralLocator
{
    internal sealed record Located(SyntaxToken Token, string Sql, int SqlOffset);

    public static async Task<Located?> FindAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var token = root.FindToken(span.Start);
        if (!IsStringContent(token) || !token.Span.Contains(span) || token.Parent is not { } node)
        {
            return null;
        }

        var expression = node is InterpolatedStringTextSyntax ? node.Parent! : node;
        while (expression.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or ParenthesizedExpressionSyntax)
        {
            expression = expression.Parent;
        }

        if (model.GetOperation(expression, cancellationToken) is not { } operation)
        {
            return null;
        }

        var text = SqlTextBuilder.Build(operation, cancellationToken);
        return text.Kind == SqlTextKind.Constant && text.Map!.TryGetSqlOffset(root.SyntaxTree, span.Start, out var offset)
            ? new Located(token, text.Text!, offset)
            : null;
    }

    /// <summary>Escapes <paramref name="text"/> for insertion into the literal that <paramref name="token"/> belongs to.</summary>
    public static string EscapeFor(SyntaxToken token, string text)
    {
        var start = token.Parent?.Parent is InterpolatedStringExpressionSyntax interpolated ? interpolated.StringStartToken.Kind() : token.Kind();
        var escaped = start switch
        {
            SyntaxKind.StringLiteralToken when token.Text.StartsWith("@", System.StringComparison.Ordinal) => text.Replace("\"", "\"\""),
            SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringStartToken => text.Replace("\\", "\\\\").Replace("\"", "\\\""),
            SyntaxKind.InterpolatedVerbatimStringStartToken => text.Replace("\"", "\"\""),
            _ => text,
        };
        return start is SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedVerbatimStringStartToken
            ? escaped.Replace("{", "{{").Replace("}", "}}")
            : escaped;
    }

    private static bool IsStringContent(SyntaxToken token) =>
        token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken
            or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.InterpolatedStringTextToken;
}
