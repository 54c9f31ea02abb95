using HighPerf.Analyzers.Sql.Analysis;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Rules;

/// <summary>HP1011: OFFSET pagination. OFFSET 0 is left alone: it is a planner fence, not pagination.</summary>
internal static class OffsetRule
{
    internal static void Check(SqlQuery query, SqlStatementAnalyzer analyzer)
    {
        if (query.Offset is null || query.Offset is SqlLiteral { Kind: SqlLiteralKind.Number, Value: "0" })
            return;
        analyzer.Report(SqlRuleIds.OffsetPagination, query.OffsetStart, query.OffsetEnd);
    }
}
