using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Analysis;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Rules;

/// <summary>
/// HP1010: a comma-joined table that no WHERE predicate links to the other tables, or a JOIN ON a condition that
/// names no column (ON true, ON 1 = 1). CROSS JOIN states the intent and is not reported; neither are subqueries,
/// CTEs and functions in FROM (a one-row CTE of parameters is a common, harmless cross join).
/// </summary>
internal static class CartesianJoinRule
{
    internal static void Check(SqlQueryBlock block, SqlStatementAnalyzer analyzer)
    {
        if (block.Select is null || !block.Scope.IsComplete)
            return;
        foreach (var join in block.Joins)
        {
            if (join.Kind != SqlJoinKind.Cross && !join.Natural && join.Using is null && join.On is not null && !ReferencesColumns(join.On))
                analyzer.Report(SqlRuleIds.CartesianJoin, join.KeywordStart, join.KeywordEnd, NameOf(join.Right));
        }
        CheckCommaJoins(block, analyzer);
    }

    private static void CheckCommaJoins(SqlQueryBlock block, SqlStatementAnalyzer analyzer)
    {
        var from = block.Select!.From;
        if (from.Count < 2)
            return;
        var conjuncts = SqlExprWalker.Conjuncts(block.Where);
        var links = new List<HashSet<SqlFromItem>>();
        foreach (var conjunct in conjuncts)
        {
            var items = new HashSet<SqlFromItem>();
            foreach (var node in SqlExprWalker.Descendants(conjunct))
            {
                if (node is SqlSubqueryExpr or SqlIn { Subquery: not null })
                    return;
                if (node is not SqlColumnRef column)
                    continue;
                // A column we could not bind may link anything: no opinion.
                if (analyzer.BindingOf(column) is not { } binding)
                    return;
                if (TopLevelItemOf(binding, from) is { } item)
                    items.Add(item);
            }
            links.Add(items);
        }

        // The first unlinked table after the first item is the one "added" without a condition; the first item
        // itself is reported only when everything after it is linked.
        for (int n = 1; n <= from.Count; n++)
        {
            int i = n % from.Count;
            if (from[i] is not SqlTableSource table || !IsRealTable(table, block.Scope) || !HasOtherTable(from, i, block.Scope))
                continue;
            bool linked = false;
            foreach (var link in links)
                linked |= link.Count > 1 && link.Contains(table);
            if (!linked)
            {
                analyzer.Report(SqlRuleIds.CartesianJoin, table.NameStart, table.End, NameOf(table));
                return;
            }
        }
    }

    private static bool HasOtherTable(List<SqlFromItem> from, int index, SqlScope scope)
    {
        for (int i = 0; i < from.Count; i++)
        {
            if (i != index && (from[i] is SqlJoin || (from[i] is SqlTableSource table && IsRealTable(table, scope))))
                return true;
        }
        return false;
    }

    /// <summary>A table rather than a CTE or view: joining it blindly multiplies rows that grow with the data.</summary>
    private static bool IsRealTable(SqlTableSource source, SqlScope scope)
    {
        foreach (var binding in scope.Bindings)
        {
            if (binding.Source == source)
                return binding.Kind is SqlBindingKind.Table or SqlBindingKind.UncheckedTable;
        }
        return false;
    }

    private static SqlFromItem? TopLevelItemOf(SqlBinding binding, List<SqlFromItem> from)
    {
        foreach (var item in from)
        {
            if (Contains(item, binding.Source))
                return item;
        }
        return null;
    }

    private static bool Contains(SqlFromItem item, SqlFromItem? source) =>
        item == source || (item is SqlJoin join && (Contains(join.Left, source) || Contains(join.Right, source)));

    private static bool ReferencesColumns(SqlExpr condition)
    {
        foreach (var node in SqlExprWalker.Descendants(condition))
        {
            if (node is SqlColumnRef or SqlSubqueryExpr or SqlUnknownExpr or SqlParameter)
                return true;
        }
        return false;
    }

    private static string NameOf(SqlFromItem item) => item switch
    {
        SqlTableSource table => table.Alias ?? table.Name,
        _ => item.Alias ?? "?",
    };
}
