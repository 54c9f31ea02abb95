using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>
/// Recognises SQL call sites among invocations, object creations and assignments. Each check starts with a
/// reference comparison or a name test so that the common "not SQL" answer is cheap.
/// </summary>
internal sealed class SqlCallSiteFinder
{
    private const string PostgreSqlSyntax = "PostgreSQL";

    private readonly SqlKnownTypes types;

    // Symbol -> index of its [StringSyntax("PostgreSQL")] parameter, or -1; attribute scans happen once per method.
    private readonly ConcurrentDictionary<ISymbol, int> stringSyntaxParameter = new(SymbolEqualityComparer.Default);

    public SqlCallSiteFinder(SqlKnownTypes types) => this.types = types;

    public bool TryFind(IOperation operation, out SqlCallSite callSite)
    {
        var kind = default(SqlCallSiteKind);
        var sql = operation switch
        {
            IInvocationOperation invocation => FromInvocation(invocation, out kind),
            IObjectCreationOperation creation => FromCreation(creation, out kind),
            ISimpleAssignmentOperation assignment => FromAssignment(assignment, out kind),
            _ => null,
        };
        callSite = sql is null ? default : new SqlCallSite(operation, sql, kind);
        return sql is not null;
    }

    private IOperation? FromInvocation(IInvocationOperation invocation, out SqlCallSiteKind kind)
    {
        var method = invocation.TargetMethod;
        if (types.DapperSqlMapper is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.DapperSqlMapper))
        {
            kind = SqlCallSiteKind.Dapper;
            return ArgumentFor(invocation.Arguments, "sql");
        }

        if (method.Name == "CreateCommand" && SqlKnownTypes.IsOrDerivesFrom(method.ContainingType, types.NpgsqlDataSource))
        {
            kind = SqlCallSiteKind.DataSourceCreateCommand;
            return ArgumentFor(invocation.Arguments, "commandText");
        }

        kind = SqlCallSiteKind.StringSyntax;
        return MarkedArgument(method, invocation.Arguments);
    }

    private IOperation? FromCreation(IObjectCreationOperation creation, out SqlCallSiteKind kind)
    {
        var type = creation.Type?.OriginalDefinition;
        if (creation.Constructor is not { } constructor || type is null)
        {
            kind = default;
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(type, types.NpgsqlCommand))
        {
            kind = SqlCallSiteKind.NpgsqlCommand;
            return ArgumentFor(creation.Arguments, "cmdText");
        }

        if (SymbolEqualityComparer.Default.Equals(type, types.NpgsqlBatchCommand))
        {
            kind = SqlCallSiteKind.NpgsqlBatchCommand;
            return ArgumentFor(creation.Arguments, "commandText");
        }

        if (SymbolEqualityComparer.Default.Equals(type, types.DapperCommandDefinition))
        {
            kind = SqlCallSiteKind.DapperCommandDefinition;
            return ArgumentFor(creation.Arguments, "commandText");
        }

        kind = SqlCallSiteKind.StringSyntax;
        return MarkedArgument(constructor, creation.Arguments);
    }

    private IOperation? FromAssignment(ISimpleAssignmentOperation assignment, out SqlCallSiteKind kind)
    {
        kind = SqlCallSiteKind.CommandText;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property })
        {
            return null;
        }

        if (property.Name == "CommandText")
        {
            if (SqlKnownTypes.IsOrDerivesFrom(property.ContainingType, types.DbBatchCommand)
                || SqlKnownTypes.IsOrDerivesFrom(property.ContainingType, types.NpgsqlBatchCommand))
            {
                kind = SqlCallSiteKind.NpgsqlBatchCommand;
                return assignment.Value;
            }

            if (SqlKnownTypes.IsOrDerivesFrom(property.ContainingType, types.DbCommand))
            {
                return assignment.Value;
            }
        }

        if (property.Type.SpecialType == SpecialType.System_String && IsMarkedPostgreSql(property.OriginalDefinition.GetAttributes()))
        {
            kind = SqlCallSiteKind.StringSyntax;
            return assignment.Value;
        }

        return null;
    }

    private IOperation? MarkedArgument(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
    {
        if (types.StringSyntaxAttribute is null || arguments.IsEmpty)
        {
            return null;
        }

        var definition = method.OriginalDefinition;
        if (!stringSyntaxParameter.TryGetValue(definition, out var index))
        {
            index = FindMarkedParameter(definition);
            stringSyntaxParameter.TryAdd(definition, index);
        }

        if (index < 0)
        {
            return null;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && parameter.Ordinal == index && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private int FindMarkedParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String && IsMarkedPostgreSql(parameter.GetAttributes()))
            {
                return parameter.Ordinal;
            }
        }

        return -1;
    }

    private bool IsMarkedPostgreSql(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.StringSyntaxAttribute)
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string syntax
                && string.Equals(syntax, PostgreSqlSyntax, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? ArgumentFor(ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
