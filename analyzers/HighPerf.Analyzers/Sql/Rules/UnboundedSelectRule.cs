using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Analysis;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Rules;

/// <summary>
/// HP1009: the statement's own SELECT reads a table with neither WHERE nor LIMIT/FETCH. Aggregates without
/// GROUP BY return one row, so they are not reported; nested queries are bounded by their outer query.
/// </summary>
internal static class UnboundedSelectRule
{
    private static readonly HashSet<string> Aggregates = new()
    {
        "count", "sum", "avg", "min", "max", "array_agg", "string_agg", "json_agg", "jsonb_agg", "bool_and",
        "bool_or", "every", "json_object_agg", "jsonb_object_agg", "bit_and", "bit_or", "stddev", "variance",
    };

    internal static void Check(SqlQueryBlock block, SqlStatementAnalyzer analyzer)
    {
        var select = block.Select;
        if (select is null || block.Role != SqlQueryRole.TopLevel || select.Where is not null || block.HasLimit
            || !block.Scope.IsComplete || IsAggregateOnly(select))
            return;
        foreach (var binding in block.Scope.Bindings)
        {
            if (binding.Kind is SqlBindingKind.Table or SqlBindingKind.UncheckedTable && binding.Source is SqlTableSource source)
            {
                analyzer.Report(SqlRuleIds.UnboundedSelect, source.NameStart, source.NameEnd, binding.Name);
                return;
            }
        }
    }

    private static bool IsAggregateOnly(SqlSelect select)
    {
        if (select.GroupBy.Count > 0 || select.Items.Count == 0)
            return false;
        foreach (var item in select.Items)
        {
            if (item.Expression is null || !ContainsAggregate(item.Expression))
                return false;
        }
        return true;
    }

    private static bool ContainsAggregate(SqlExpr expression)
    {
        foreach (var node in SqlExprWalker.Descendants(expression))
        {
            if (node is SqlFunctionCall { IsWindow: false } call && Aggregates.Contains(call.Name))
                return true;
        }
        return false;
    }
}
