using System.Collections.Generic;

namespace HighPerf.Analyzers.Sql.Syntax;

internal abstract class SqlStatement
{
    internal int Start { get; set; }
    internal int End { get; set; }

    /// <summary>Span of the leading keyword (SELECT, UPDATE, ...), where statement-level findings point.</summary>
    internal int KeywordStart { get; set; }
    internal int KeywordEnd { get; set; }
    internal List<SqlCte> Ctes { get; } = new();
    internal bool HasUnknown { get; set; }
}

internal sealed class SqlUnknownStatement : SqlStatement;

internal sealed class SqlSelectStatement : SqlStatement
{
    internal SqlSelectStatement(SqlQuery query) => Query = query;

    internal SqlQuery Query { get; }
}

/// <summary>A SET target: column (folded) with its span, or <c>(a, b) = ...</c> producing several.</summary>
internal sealed record SqlAssignment(string Column, int Start, int End, SqlExpr? Value);

/// <summary>Common part of INSERT, UPDATE and DELETE: the target table and RETURNING.</summary>
internal abstract class SqlDmlStatement : SqlStatement
{
    internal SqlTableSource? Target { get; set; }
    internal List<SqlSelectItem> Returning { get; } = new();
    internal SqlExpr? Where { get; set; }
    internal bool HasWhere { get; set; }
}

internal sealed class SqlInsertStatement : SqlDmlStatement
{
    internal List<SqlAssignment> Columns { get; } = new();
    internal SqlQuery? Source { get; set; }
    internal List<SqlAssignment> ConflictTarget { get; } = new();
    internal List<SqlAssignment> ConflictUpdates { get; } = new();
}

internal sealed class SqlUpdateStatement : SqlDmlStatement
{
    internal List<SqlAssignment> Assignments { get; } = new();
    internal List<SqlFromItem> From { get; } = new();
}

internal sealed class SqlDeleteStatement : SqlDmlStatement
{
    internal List<SqlFromItem> Using { get; } = new();
}
