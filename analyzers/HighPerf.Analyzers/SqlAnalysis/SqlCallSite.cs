using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>Which API sends the SQL; decides whether a loop around it is an N+1 (batch builders are not).</summary>
internal enum SqlCallSiteKind
{
    Dapper,
    DapperCommandDefinition,
    NpgsqlCommand,
    NpgsqlBatchCommand,
    DataSourceCreateCommand,
    CommandText,
    StringSyntax,
}

/// <summary>One place where SQL text enters a database API: the operation doing it and the SQL value.</summary>
/// <param name="Operation">The invocation, object creation or assignment.</param>
/// <param name="Sql">The expression that provides the SQL text.</param>
internal readonly record struct SqlCallSite(IOperation Operation, IOperation Sql, SqlCallSiteKind Kind)
{
    /// <summary>
    /// A batch command built inside a loop is the cure for N+1, not the disease, so HP1006 skips it.
    /// </summary>
    public bool ExecutesPerIteration => Kind is not SqlCallSiteKind.NpgsqlBatchCommand;
}
