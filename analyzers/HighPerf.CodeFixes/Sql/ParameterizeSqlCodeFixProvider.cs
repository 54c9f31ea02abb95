using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Analyzers.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace HighPerf.CodeFixes.Sql;

/// <summary>
/// HP1007: rewrites <c>connection.Query($"... {id} ...")</c> as <c>connection.Query("... @id ...", new { id })</c>.
/// Offered for Dapper calls whose interpolated SQL is the argument itself; an existing anonymous parameter
/// object gains the missing members, any other parameter object (DynamicParameters, a typed object) blocks the fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ParameterizeSqlCodeFixProvider))]
[Shared]
public sealed class ParameterizeSqlCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SqlRuleIds.NonConstantSql);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Diagnostics[0].Location.SourceSpan, getInnermostNodeForTie: true) is not InterpolatedStringExpressionSyntax interpolated
            || interpolated.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
            || model?.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation operation
            || operation.TargetMethod.ContainingType is not { Name: "SqlMapper", ContainingNamespace.Name: "Dapper" }
            || InterpolationParameters.Create(interpolated) is not { Parameters.Count: > 0 } rewrite)
        {
            return;
        }

        var param = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "param" && a.ArgumentKind != ArgumentKind.DefaultValue);
        var existing = param?.Value is IConversionOperation { Operand: var operand } ? operand : param?.Value;
        if (param is not null && existing?.Syntax is not AnonymousObjectCreationExpressionSyntax)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Pass the interpolated values as SQL parameters",
                ct => Rewrite(context.Document, root, invocation, interpolated, rewrite, existing?.Syntax as AnonymousObjectCreationExpressionSyntax, ct),
                equivalenceKey: nameof(ParameterizeSqlCodeFixProvider)),
            context.Diagnostics[0]);
    }

    private static Task<Document> Rewrite(
        Document document,
        SyntaxNode root,
        InvocationExpressionSyntax invocation,
        InterpolatedStringExpressionSyntax interpolated,
        InterpolationParameters rewrite,
        AnonymousObjectCreationExpressionSyntax? existing,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var literal = SyntaxFactory.ParseExpression(rewrite.Literal).WithTriviaFrom(interpolated);
        var arguments = invocation.ArgumentList.Arguments;
        var sqlIndex = arguments.IndexOf((ArgumentSyntax)interpolated.Parent!);
        var existingIndex = existing is null ? -1 : arguments.IndexOf(a => a.Expression == existing);
        arguments = arguments.Replace(arguments[sqlIndex], arguments[sqlIndex].WithExpression(literal));

        if (existing is not null)
        {
            arguments = arguments.Replace(arguments[existingIndex], arguments[existingIndex].WithExpression(Merge(existing, rewrite)));
        }
        else
        {
            var parameterObject = Merge(null, rewrite);
            var positional = sqlIndex == arguments.Count - 1 && arguments.All(a => a.NameColon is null);
            var argument = SyntaxFactory.Argument(parameterObject);
            arguments = arguments.Add(positional ? argument : argument.WithNameColon(SyntaxFactory.NameColon("param")));
        }

        var updated = invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments));
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(invocation, updated)));
    }

    /// <summary>Adds a member for every parameter the object does not already carry (names compared as Dapper does, ignoring case).</summary>
    private static ExpressionSyntax Merge(AnonymousObjectCreationExpressionSyntax? target, InterpolationParameters rewrite)
    {
        var members = target?.Initializers.Select(m => m.ToString()).ToList() ?? new List<string>();
        var names = target?.Initializers.Select(MemberName).ToList() ?? new List<string?>();
        foreach (var (name, value) in rewrite.Parameters)
        {
            if (names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var projected = value is IdentifierNameSyntax or MemberAccessExpressionSyntax && ProjectedName(value) == name;
            members.Add(projected ? value.ToString() : name + " = " + value);
        }

        var merged = SyntaxFactory.ParseExpression("new { " + string.Join(", ", members) + " }");
        return target is null ? merged : merged.WithTriviaFrom(target);
    }

    private static string? MemberName(AnonymousObjectMemberDeclaratorSyntax member) =>
        member.NameEquals?.Name.Identifier.ValueText ?? ProjectedName(member.Expression);

    private static string? ProjectedName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };
}
