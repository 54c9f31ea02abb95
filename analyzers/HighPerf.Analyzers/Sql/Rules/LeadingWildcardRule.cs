using HighPerf.Analyzers.Sql.Analysis;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Rules;

/// <summary>
/// HP1003: [NOT] LIKE / ILIKE whose pattern starts with % or _, written as a literal or as a concatenation that
/// starts with one ('%' || @term). A pattern passed as a parameter is not judged: its value is unknown.
/// </summary>
internal static class LeadingWildcardRule
{
    internal static void Check(SqlBinary binary, SqlStatementAnalyzer analyzer)
    {
        if (binary.Operator is not ("like" or "ilike" or "not like" or "not ilike"))
            return;
        var pattern = binary.Right;
        while (pattern is SqlBinary { Operator: "||" } concatenation)
            pattern = concatenation.Left;
        if (pattern is SqlLiteral { Kind: SqlLiteralKind.String } literal && literal.Value.Length > 0 && literal.Value[0] is '%' or '_')
            analyzer.Report(SqlRuleIds.LeadingWildcard, literal.Start, literal.End, analyzer.TextOf(literal.Start, literal.End));
    }
}
