using System.Collections.Generic;
using System.Threading;
using HighPerf.Analyzers.Sql.Analysis;
using HighPerf.Analyzers.Sql.Lexing;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql;

/// <summary>
/// Entry point of the SQL rules: tokenize, parse, then analyze each statement against the schema. Never throws on
/// any input (malformed or truncated SQL yields fewer findings); only a cancelled <c>ct</c> ends it, with
/// <see cref="System.OperationCanceledException"/>. Safe to call concurrently with one shared <see cref="SqlSchema"/>.
/// </summary>
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
