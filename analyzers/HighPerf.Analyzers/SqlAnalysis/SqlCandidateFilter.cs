using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>
/// A syntax-only test that rejects almost every invocation, creation and assignment before anything is bound:
/// only names that can reach a SQL API (Dapper's Query*/Execute*, CreateCommand, the Npgsql command types,
/// CommandText, and members marked <c>[StringSyntax("PostgreSQL")]</c>) go on to semantic analysis. This is
/// what keeps a compilation without SQL call sites almost free: its method bodies are never bound for us.
/// </summary>
internal sealed class SqlCandidateFilter
{
    private readonly bool dapper;
    private readonly bool dataSource;
    private readonly HashSet<string> markedNames;

    public SqlCandidateFilter(SqlKnownTypes types, HashSet<string> markedNames)
    {
        dapper = types.DapperSqlMapper is not null;
        dataSource = types.NpgsqlDataSource is not null;
        this.markedNames = markedNames;
    }

    public bool IsCandidate(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax invocation => IsCandidateMethod(InvokedName(invocation.Expression)),
        ObjectCreationExpressionSyntax creation => IsCandidateType(TypeName(creation.Type)),
        ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.ArgumentList.Arguments.Count > 0,
        AssignmentExpressionSyntax assignment => IsCandidateProperty(InvokedName(assignment.Left)),
        _ => false,
    };

    private bool IsCandidateMethod(string? name) =>
        name is not null
        && ((dapper && (name.StartsWith("Query", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal)))
            || (dataSource && name == "CreateCommand")
            || markedNames.Contains(name));

    private bool IsCandidateType(string? name) =>
        name is "NpgsqlCommand" or "NpgsqlBatchCommand" or "CommandDefinition" || (name is not null && markedNames.Contains(name));

    private bool IsCandidateProperty(string? name) => name is "CommandText" || (name is not null && markedNames.Contains(name));

    private static string? InvokedName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static string? TypeName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
