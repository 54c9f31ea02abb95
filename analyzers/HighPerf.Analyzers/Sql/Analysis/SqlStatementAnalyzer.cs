using System.Collections.Generic;
using System.Threading;
using HighPerf.Analyzers.Sql.Lexing;
using HighPerf.Analyzers.Sql.Rules;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Analysis;

/// <summary>How a query is used, which decides the rules that apply to it.</summary>
internal enum SqlQueryRole : byte
{
    /// <summary>The statement's own result set: HP1009 applies.</summary>
    TopLevel,

    /// <summary>CTE, FROM subquery, scalar subquery, INSERT source.</summary>
    Nested,

    /// <summary>Inside EXISTS: the select list is irrelevant, so SELECT * is idiomatic.</summary>
    Exists,
}

/// <summary>
/// Walks one parsed statement: binds FROM items to schema tables, resolves every column reference, and runs the
/// rules on each query level. Results are findings only; nothing is cached between statements.
/// </summary>
internal sealed partial class SqlStatementAnalyzer
{
    private readonly string _sql;
    private readonly List<SqlToken> _tokens;
    private readonly SqlSchema _schema;
    private readonly List<SqlFinding> _findings;
    private readonly CancellationToken _ct;
    private readonly Dictionary<SqlColumnRef, SqlBinding> _resolved = new();

    internal SqlStatementAnalyzer(string sql, List<SqlToken> tokens, SqlSchema schema, List<SqlFinding> findings, CancellationToken ct)
    {
        _sql = sql;
        _tokens = tokens;
        _schema = schema;
        _findings = findings;
        _ct = ct;
    }

    internal void Analyze(SqlStatement statement)
    {
        var root = new SqlScope(null) { IsComplete = !statement.HasUnknown };
        AnalyzeCtes(statement.Ctes, root);
        AnalyzeStatement(statement, root);
    }

    private void AnalyzeStatement(SqlStatement statement, SqlScope scope)
    {
        switch (statement)
        {
            case SqlSelectStatement select:
                AnalyzeQuery(select.Query, scope, SqlQueryRole.TopLevel);
                break;
            case SqlInsertStatement insert:
                AnalyzeInsert(insert, scope);
                break;
            case SqlUpdateStatement update:
                AnalyzeUpdate(update, scope);
                break;
            case SqlDeleteStatement delete:
                AnalyzeDelete(delete, scope);
                break;
        }
    }

    private void AnalyzeCtes(List<SqlCte> ctes, SqlScope scope)
    {
        foreach (var cte in ctes)
            scope.AddCte(cte.Name);
        foreach (var cte in ctes)
        {
            if (cte.Query is not null)
                AnalyzeQuery(cte.Query, scope, SqlQueryRole.Nested);
            else if (cte.Statement is not null)
                AnalyzeStatement(cte.Statement, scope);
        }
    }

    private void AnalyzeQuery(SqlQuery query, SqlScope outer, SqlQueryRole role)
    {
        _ct.ThrowIfCancellationRequested();
        var scope = outer;
        if (query.Ctes.Count > 0)
        {
            scope = new SqlScope(outer) { IsComplete = outer.IsComplete };
            AnalyzeCtes(query.Ctes, scope);
        }
        AnalyzeBody(query.Body, scope, query, role, ownsOrderBy: true);
        OffsetRule.Check(query, this);
    }

    private void AnalyzeBody(SqlQueryBody body, SqlScope scope, SqlQuery query, SqlQueryRole role, bool ownsOrderBy)
    {
        switch (body)
        {
            case SqlSelect select:
                AnalyzeSelect(select, scope, query, role, ownsOrderBy);
                break;
            case SqlSetOperation setOperation:
                AnalyzeBody(setOperation.Left, scope, query, role, ownsOrderBy: false);
                AnalyzeBody(setOperation.Right, scope, query, role, ownsOrderBy: false);
                break;
            case SqlNestedQuery nested:
                AnalyzeQuery(nested.Query, scope, role);
                break;
            case SqlValuesBody values:
                var valuesScope = new SqlScope(scope);
                foreach (var row in values.Rows)
                    Visit(row, valuesScope);
                break;
        }
    }

    internal string Sql => _sql;

    internal SqlSchema Schema => _schema;

    internal void Report(string ruleId, int start, int end, params string[] args)
    {
        if (start < 0 || end < start || end > _sql.Length)
            return;
        _findings.Add(new SqlFinding(ruleId, start, end - start, args));
    }

    /// <summary>Comparable text of an expression (see <see cref="SqlExpressionText.Normalize"/>).</summary>
    internal string NormalizedText(SqlExpr expression) => SqlExpressionText.Normalize(_tokens, expression.FirstToken, expression.EndToken);

    internal string DisplayText(SqlExpr expression) => SqlExpressionText.Display(_tokens, expression.FirstToken, expression.EndToken);

    internal string TextOf(int start, int end) =>
        start >= 0 && end <= _sql.Length && end >= start ? _sql.Substring(start, end - start) : "";

    /// <summary>
    /// The relation a column reference resolved to (any kind: check <see cref="SqlBinding.Kind"/> before using its
    /// table), or null when it did not resolve to exactly one relation.
    /// </summary>
    internal SqlBinding? BindingOf(SqlColumnRef column) => _resolved.TryGetValue(column, out var binding) ? binding : null;
}
