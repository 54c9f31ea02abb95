using System.Collections.Generic;
using System.Linq;
using HighPerf.Analyzers.Sql.Analysis;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Rules;

/// <summary>
/// HP1002: a table of the query level whose filters no index can serve, so the plan must scan it. The verdict is
/// per table, as the planner's is: if any WHERE, JOIN ON or ORDER BY ... LIMIT access path on the table is served
/// by an index (btree leading-column rule, with equality-constrained prefixes), the table is not reported. Tables
/// with a condition the rule cannot judge (OR groups, subqueries, IS NULL, LIKE 'abc%', unknown syntax...) get
/// no opinion, and so do join columns whose partner table is not filtered (a hash join scans both anyway).
/// </summary>
internal static class UnindexedColumnRule
{
    internal static void Check(SqlQueryBlock block, SqlStatementAnalyzer analyzer)
    {
        if (!analyzer.Schema.IsKnown || !block.Scope.IsComplete)
            return;

        var conjuncts = SqlExprWalker.Conjuncts(block.Where);
        foreach (var join in block.Joins)
        {
            if (join.On is null)
                return;
            conjuncts.AddRange(SqlExprWalker.Conjuncts(join.On));
        }

        var analysis = new SqlAccessPathAnalysis(block, analyzer);
        foreach (var conjunct in conjuncts)
        {
            if (!analysis.Add(conjunct))
                return;
        }
        analysis.AddOrderBy();

        foreach (var binding in block.Scope.Bindings)
        {
            if (binding.Kind == SqlBindingKind.Table)
                Judge(binding, analysis, analyzer);
        }
    }

    private static void Judge(SqlBinding binding, SqlAccessPathAnalysis analysis, SqlStatementAnalyzer analyzer)
    {
        if (analysis.IsBlocked(binding))
            return;
        var paths = analysis.PathsOf(binding);
        if (paths.Count == 0)
            return;

        var table = binding.Table!;
        var equalities = new HashSet<string>(paths.Where(p => p.IsEquality).Select(p => p.Column));
        foreach (var path in paths)
        {
            var verdict = SqlIndexMatcher.Serves(table, path.Column, equalities, analysis.ConjunctTexts);
            if (verdict != SqlIndexVerdict.NotServed)
                return;
        }

        // Unserved expression paths are filters like any other; only column paths are reported and suggested.
        paths = paths.Where(p => !p.IsExpression).ToList();
        if (paths.Count == 0)
            return;

        var first = paths.OrderBy(p => p.Kind).First();
        var columns = SuggestedColumns(paths);
        string suggestion = "CREATE INDEX CONCURRENTLY " + SqlIndexMatcher.SuggestName(table.Name, columns)
            + " ON " + table.Name + " (" + string.Join(", ", columns) + ");";
        string judged = string.Join(", ", paths.Select(p => p.Column).Distinct().Select(c => "'" + c + "'"));
        analyzer.Report(SqlRuleIds.UnindexedColumn, first.Reference.Start, first.Reference.End, table.Name, judged, suggestion);
    }

    /// <summary>Equality columns (filters before join columns), then one range or ORDER BY column.</summary>
    private static List<string> SuggestedColumns(List<SqlAccessPath> paths)
    {
        var columns = new List<string>();
        foreach (var path in paths.Where(p => p.IsEquality).OrderBy(p => p.Kind))
        {
            if (!columns.Contains(path.Column))
                columns.Add(path.Column);
        }
        foreach (var path in paths.Where(p => !p.IsEquality).OrderBy(p => p.Kind))
        {
            if (!columns.Contains(path.Column))
            {
                columns.Add(path.Column);
                break;
            }
        }
        return columns;
    }
}
