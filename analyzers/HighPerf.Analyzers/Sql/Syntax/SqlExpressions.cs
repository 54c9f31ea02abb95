using System.Collections.Generic;

namespace HighPerf.Analyzers.Sql.Syntax;

/// <summary>An expression node; <see cref="Start"/>/<see cref="End"/> are text offsets, <see cref="FirstToken"/>/<see cref="EndToken"/> token indexes.</summary>
internal abstract class SqlExpr
{
    internal int Start { get; set; }
    internal int End { get; set; }
    internal int FirstToken { get; set; }
    internal int EndToken { get; set; }
}

/// <summary>Part of the text the parser did not understand: the rules that would need it have no opinion.</summary>
internal sealed class SqlUnknownExpr : SqlExpr;

/// <summary>A column reference: <c>name</c>, <c>alias.name</c> or <c>schema.table.name</c> (folded parts).</summary>
internal sealed class SqlColumnRef : SqlExpr
{
    internal SqlColumnRef(List<string> parts) => Parts = parts;

    internal List<string> Parts { get; }

    internal string Name => Parts[Parts.Count - 1];

    /// <summary>Everything before the column name, joined with dots; null when unqualified.</summary>
    internal string? Qualifier => Parts.Count == 1 ? null : string.Join(".", Parts.GetRange(0, Parts.Count - 1));

    /// <summary>True for <c>alias.*</c> used as an expression (<c>count(t.*)</c>, <c>row_to_json(t.*)</c>).</summary>
    internal bool IsStar { get; set; }
}

internal enum SqlLiteralKind : byte { String, Number, Null, Boolean, Typed }

internal sealed class SqlLiteral : SqlExpr
{
    internal SqlLiteral(SqlLiteralKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    internal SqlLiteralKind Kind { get; }
    internal string Value { get; }
}

internal sealed class SqlParameter : SqlExpr
{
    internal SqlParameter(string name) => Name = name;

    internal string Name { get; }
}

/// <summary>Binary operator; <see cref="Operator"/> is lower case: and, or, =, &lt;, like, not ilike, ||, ...</summary>
internal sealed class SqlBinary : SqlExpr
{
    internal SqlBinary(string op, SqlExpr left, SqlExpr right)
    {
        Operator = op;
        Left = left;
        Right = right;
    }

    internal string Operator { get; }
    internal SqlExpr Left { get; }
    internal SqlExpr Right { get; }
}

/// <summary>Prefix or postfix operator: not, -, is null, is not null, is true, ...</summary>
internal sealed class SqlUnary : SqlExpr
{
    internal SqlUnary(string op, SqlExpr operand)
    {
        Operator = op;
        Operand = operand;
    }

    internal string Operator { get; }
    internal SqlExpr Operand { get; }
}

/// <summary><c>x [NOT] IN (list)</c> or <c>x [NOT] IN (subquery)</c>.</summary>
internal sealed class SqlIn : SqlExpr
{
    internal SqlIn(SqlExpr operand, List<SqlExpr>? items, SqlQuery? subquery, bool negated)
    {
        Operand = operand;
        Items = items;
        Subquery = subquery;
        Negated = negated;
    }

    internal SqlExpr Operand { get; }
    internal List<SqlExpr>? Items { get; }
    internal SqlQuery? Subquery { get; }
    internal bool Negated { get; }
}

internal sealed class SqlBetween : SqlExpr
{
    internal SqlBetween(SqlExpr operand, SqlExpr low, SqlExpr high, bool negated)
    {
        Operand = operand;
        Low = low;
        High = high;
        Negated = negated;
    }

    internal SqlExpr Operand { get; }
    internal SqlExpr Low { get; }
    internal SqlExpr High { get; }
    internal bool Negated { get; }
}

/// <summary>A function call, or a niladic SQL keyword such as current_date (<see cref="HasParentheses"/> false).</summary>
internal sealed class SqlFunctionCall : SqlExpr
{
    internal SqlFunctionCall(string name, List<SqlExpr> arguments)
    {
        Name = name;
        Arguments = arguments;
    }

    internal string Name { get; }
    internal List<SqlExpr> Arguments { get; }
    internal bool HasParentheses { get; set; } = true;
    internal bool IsStar { get; set; }
    internal bool IsWindow { get; set; }
}

internal sealed class SqlCast : SqlExpr
{
    internal SqlCast(SqlExpr operand, string typeName)
    {
        Operand = operand;
        TypeName = typeName;
    }

    internal SqlExpr Operand { get; }
    internal string TypeName { get; }
}

internal sealed class SqlCase : SqlExpr
{
    internal SqlCase(SqlExpr? operand, List<SqlExpr> parts)
    {
        Operand = operand;
        Parts = parts;
    }

    internal SqlExpr? Operand { get; }

    /// <summary>WHEN conditions, THEN results and the ELSE result, in source order.</summary>
    internal List<SqlExpr> Parts { get; }
}

/// <summary><c>x op ANY/SOME/ALL (array or subquery)</c>.</summary>
internal sealed class SqlQuantified : SqlExpr
{
    internal SqlQuantified(string op, string quantifier, SqlExpr left, SqlExpr right)
    {
        Operator = op;
        Quantifier = quantifier;
        Left = left;
        Right = right;
    }

    internal string Operator { get; }
    internal string Quantifier { get; }
    internal SqlExpr Left { get; }
    internal SqlExpr Right { get; }
}

internal enum SqlSubqueryKind : byte { Scalar, Exists, Array }

internal sealed class SqlSubqueryExpr : SqlExpr
{
    internal SqlSubqueryExpr(SqlSubqueryKind kind, SqlQuery query)
    {
        Kind = kind;
        Query = query;
    }

    internal SqlSubqueryKind Kind { get; }
    internal SqlQuery Query { get; }
}

/// <summary>Row constructor, parenthesized list or ARRAY[...]: a list of expressions.</summary>
internal sealed class SqlList : SqlExpr
{
    internal SqlList(List<SqlExpr> items) => Items = items;

    internal List<SqlExpr> Items { get; }
}
