using System.Collections.Generic;

namespace HighPerf.Analyzers.Sql.Syntax;

internal abstract class SqlFromItem
{
    internal int Start { get; set; }
    internal int End { get; set; }
    internal string? Alias { get; set; }
}

/// <summary>A named relation: table, view or CTE (the name is folded and may be schema-qualified).</summary>
internal sealed class SqlTableSource : SqlFromItem
{
    internal SqlTableSource(string name) => Name = name;

    internal string Name { get; }

    /// <summary>Span of the name (without ONLY or alias), where HP1008 points.</summary>
    internal int NameStart { get; set; }
    internal int NameEnd { get; set; }
}

internal sealed class SqlSubquerySource : SqlFromItem
{
    internal SqlSubquerySource(SqlQuery query, bool lateral)
    {
        Query = query;
        Lateral = lateral;
    }

    internal SqlQuery Query { get; }
    internal bool Lateral { get; }
}

/// <summary>A set-returning function or anything else in FROM the rules cannot see into.</summary>
internal sealed class SqlOpaqueSource : SqlFromItem
{
    internal SqlOpaqueSource(SqlExpr? expression) => Expression = expression;

    internal SqlExpr? Expression { get; }
}

internal enum SqlJoinKind : byte { Inner, Left, Right, Full, Cross }

internal sealed class SqlJoin : SqlFromItem
{
    internal SqlJoin(SqlJoinKind kind, SqlFromItem left, SqlFromItem right)
    {
        Kind = kind;
        Left = left;
        Right = right;
    }

    internal SqlJoinKind Kind { get; }
    internal SqlFromItem Left { get; }
    internal SqlFromItem Right { get; }
    internal bool Natural { get; set; }
    internal SqlExpr? On { get; set; }
    internal List<string>? Using { get; set; }

    /// <summary>Text span of the JOIN keyword, where HP1010 points.</summary>
    internal int KeywordStart { get; set; }
    internal int KeywordEnd { get; set; }
}
