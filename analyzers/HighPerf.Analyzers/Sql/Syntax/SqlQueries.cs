using System.Collections.Generic;

namespace HighPerf.Analyzers.Sql.Syntax;

/// <summary>A full query expression: WITH, a body (SELECT, set operation, VALUES), ORDER BY, LIMIT/OFFSET/FETCH, locking.</summary>
internal sealed class SqlQuery
{
    internal List<SqlCte> Ctes { get; } = new();
    internal SqlQueryBody Body { get; set; } = new SqlUnknownBody();
    internal List<SqlOrderItem> OrderBy { get; } = new();
    internal SqlExpr? Limit { get; set; }
    internal SqlExpr? Offset { get; set; }

    /// <summary>Text span of the OFFSET clause (keyword through value), for HP1011.</summary>
    internal int OffsetStart { get; set; }
    internal int OffsetEnd { get; set; }
    internal bool HasFetch { get; set; }
    internal bool IsLocking { get; set; }
}

internal sealed record SqlCte(string Name, int Start, int End, SqlQuery? Query, SqlStatement? Statement);

internal sealed record SqlOrderItem(SqlExpr Expression, bool Descending);

internal abstract class SqlQueryBody
{
    internal int Start { get; set; }
    internal int End { get; set; }
}

internal sealed class SqlUnknownBody : SqlQueryBody;

internal sealed class SqlSetOperation : SqlQueryBody
{
    internal SqlSetOperation(string op, SqlQueryBody left, SqlQueryBody right)
    {
        Operator = op;
        Left = left;
        Right = right;
    }

    internal string Operator { get; }
    internal SqlQueryBody Left { get; }
    internal SqlQueryBody Right { get; }
}

internal sealed class SqlValuesBody : SqlQueryBody
{
    internal List<SqlExpr> Rows { get; } = new();
}

internal sealed class SqlNestedQuery : SqlQueryBody
{
    internal SqlNestedQuery(SqlQuery query) => Query = query;

    internal SqlQuery Query { get; }
}

/// <summary>One SELECT block. <see cref="HasUnknown"/> is true when some part of it could not be parsed.</summary>
internal sealed class SqlSelect : SqlQueryBody
{
    internal bool Distinct { get; set; }
    internal List<SqlSelectItem> Items { get; } = new();
    internal List<SqlFromItem> From { get; } = new();
    internal SqlExpr? Where { get; set; }
    internal List<SqlExpr> GroupBy { get; } = new();
    internal SqlExpr? Having { get; set; }
    internal bool HasUnknown { get; set; }
}

/// <summary>A select-list entry: an expression with an optional alias, or a star (<see cref="Expression"/> null).</summary>
internal sealed record SqlSelectItem(SqlExpr? Expression, string? Alias, string? StarQualifier, int Start, int End);
