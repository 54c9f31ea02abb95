using System.Collections.Generic;
using System.Threading;
using HighPerf.Analyzers.Sql.Analysis;
using HighPerf.Analyzers.Sql.Lexing;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql;

/// <summary>Entry point of the SQL rules. Never throws on any input: malformed SQL yields fewer findings.</summary>
internal static class SqlChecker
{
    internal static void Check(string sql, SqlSchema schema, List<SqlFinding> findings, CancellationToken ct)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        var statements = SqlParser.Parse(tokens, ct);
        var analyzer = new SqlStatementAnalyzer(sql, tokens, schema, findings, ct);
        foreach (var statement in statements)
            analyzer.Analyze(statement);
    }
}
