using System.Collections.Generic;
using System.Threading;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql;

/// <summary>Entry point of the SQL rules. Never throws on any input: malformed SQL yields fewer findings.</summary>
internal static class SqlChecker
{
    internal static void Check(string sql, SqlSchema schema, List<SqlFinding> findings, CancellationToken ct)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var token = tokens[i];
            if (token.IsOperator("*") && (tokens[i - 1 < 0 ? 0 : i - 1].IsWord("select") || tokens[i + 1].IsWord("from")))
                findings.Add(new SqlFinding(SqlRuleIds.SelectStar, token.Start, token.Length, new[] { "*" }));
        }
    }
}
