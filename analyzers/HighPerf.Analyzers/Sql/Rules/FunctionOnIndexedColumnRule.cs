using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Analysis;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Rules;

/// <summary>
/// HP1004: a comparison in WHERE / JOIN ON whose column side is a function call or cast around the leading column
/// of a btree index, with no expression index on that exact expression. Casts between text types, or to the
/// column's own type, are free relabels that keep the index usable, so they are not reported.
/// </summary>
internal static class FunctionOnIndexedColumnRule
{
    internal static void Check(SqlQueryBlock block, SqlStatementAnalyzer analyzer)
    {
        if (!analyzer.Schema.IsKnown)
            return;
        CheckCondition(block.Where, analyzer);
        foreach (var join in block.Joins)
            CheckCondition(join.On, analyzer);
    }

    private static void CheckCondition(SqlExpr? condition, SqlStatementAnalyzer analyzer)
    {
        if (condition is null)
            return;
        foreach (var node in SqlExprWalker.Descendants(condition))
        {
            switch (node)
            {
                case SqlBinary { Operator: "=" or "<" or ">" or "<=" or ">=" or "like" or "ilike" } binary:
                    CheckSide(binary.Left, binary.Right, analyzer);
                    CheckSide(binary.Right, binary.Left, analyzer);
                    break;
                case SqlBetween { Negated: false } between:
                    CheckSide(between.Operand, between.Low, analyzer);
                    break;
                case SqlIn { Negated: false, Items: not null } inList:
                    CheckSide(inList.Operand, null, analyzer);
                    break;
                case SqlQuantified { Operator: "=" } quantified:
                    CheckSide(quantified.Left, quantified.Right, analyzer);
                    break;
            }
        }
    }

    private static void CheckSide(SqlExpr side, SqlExpr? other, SqlStatementAnalyzer analyzer)
    {
        if (side is not (SqlFunctionCall { HasParentheses: true, IsWindow: false } or SqlCast))
            return;
        if (SingleColumn(side, analyzer) is not { } column)
            return;
        var binding = analyzer.BindingOf(column)!;
        var table = binding.Table!;
        if (other is not null && References(other, binding, analyzer))
            return;
        if (side is SqlCast cast && IsFreeCast(cast.TypeName, table.FindColumn(column.Name)!.TypeName))
            return;
        if (!SqlIndexMatcher.IsLeadingColumn(table, column.Name) || SqlIndexMatcher.HasExpressionIndex(table, analyzer.NormalizedText(side)))
            return;

        string expression = analyzer.DisplayText(side);
        string suggestion = "CREATE INDEX CONCURRENTLY " + SqlIndexMatcher.SuggestName(table.Name, ExpressionNameParts(side, column))
            + " ON " + table.Name + " ((" + expression + "));";
        analyzer.Report(SqlRuleIds.FunctionOnIndexedColumn, side.Start, side.End, expression, table.Name + "." + column.Name, suggestion);
    }

    /// <summary>The one column of a modelled table inside the expression, or null when there are none or several.</summary>
    private static SqlColumnRef? SingleColumn(SqlExpr expression, SqlStatementAnalyzer analyzer)
    {
        SqlColumnRef? found = null;
        foreach (var node in SqlExprWalker.Descendants(expression))
        {
            if (node is SqlSubqueryExpr or SqlUnknownExpr || node is SqlFunctionCall { IsWindow: true })
                return null;
            if (node is not SqlColumnRef column)
                continue;
            if (found is not null || analyzer.BindingOf(column) is not { Kind: SqlBindingKind.Table })
                return null;
            found = column;
        }
        return found;
    }

    private static bool References(SqlExpr expression, SqlBinding binding, SqlStatementAnalyzer analyzer)
    {
        foreach (var node in SqlExprWalker.Descendants(expression))
        {
            if (node is SqlColumnRef column && analyzer.BindingOf(column) == binding)
                return true;
        }
        return false;
    }

    private static IEnumerable<string> ExpressionNameParts(SqlExpr side, SqlColumnRef column)
    {
        string head = side switch
        {
            SqlFunctionCall call => call.Name.Replace('.', '_'),
            SqlCast cast => cast.TypeName.Replace(' ', '_').Replace("[]", "_array"),
            _ => "expr",
        };
        return new[] { head, column.Name };
    }

    private static bool IsFreeCast(string castType, string columnType)
    {
        string target = SqlTypeNames.Canonical(castType);
        string source = SqlTypeNames.Canonical(columnType);
        return target == source || (SqlTypeNames.IsText(target) && SqlTypeNames.IsText(source));
    }
}
