using HighPerf.Analyzers.Sql.Analysis;

namespace HighPerf.Analyzers.Sql.Rules;

/// <summary>
/// HP1001: <c>*</c> or <c>alias.*</c> in a select list. count(*) is a function argument, not a select-list star,
/// and EXISTS (SELECT * ...) reads no column, so neither is reported.
/// </summary>
internal static class SelectStarRule
{
    internal static void Check(SqlQueryBlock block, SqlStatementAnalyzer analyzer)
    {
        if (block.Select is null || block.Role == SqlQueryRole.Exists)
            return;
        foreach (var item in block.Select.Items)
        {
            if (item.Expression is null)
                analyzer.Report(SqlRuleIds.SelectStar, item.Start, item.End, analyzer.TextOf(item.Start, item.End));
        }
    }
}
