using System.Collections.Generic;
using System.Threading;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql.Syntax;

/// <summary>
/// Recursive-descent parser for the PostgreSQL statements application code sends. It never throws: whatever it
/// does not understand becomes an unknown node and marks the enclosing block, so rules that need it stay silent.
/// Every loop consumes a token or exits, and nesting deeper than <see cref="MaxDepth"/> is skipped, so any input
/// terminates without exhausting the stack.
/// </summary>
internal sealed partial class SqlParser
{
    private const int MaxDepth = 64;

    // Words that end an expression or a FROM item: never read as a column, an alias or a table name.
    private static readonly HashSet<string> Reserved = new()
    {
        "select", "from", "where", "group", "having", "window", "order", "limit", "offset", "fetch", "for",
        "union", "intersect", "except", "on", "using", "join", "inner", "left", "right", "full", "cross", "natural",
        "outer", "lateral", "and", "or", "not", "is", "in", "between", "like", "ilike", "similar", "as", "returning",
        "into", "values", "set", "when", "then", "else", "end", "case", "with", "do", "asc", "desc", "nulls",
        "collate", "by", "over", "filter", "within", "isnull", "notnull", "escape", "all", "any", "some", "distinct",
        "default", "table", "only", "array", "tablesample",
    };

    private readonly SqlTokenCursor _cursor;
    private readonly CancellationToken _ct;
    private int _depth;
    private int _unknownCount;

    private SqlParser(List<SqlToken> tokens, CancellationToken ct)
    {
        _cursor = new SqlTokenCursor(tokens);
        _ct = ct;
    }

    internal static List<SqlStatement> Parse(List<SqlToken> tokens, CancellationToken ct)
    {
        var parser = new SqlParser(tokens, ct);
        var statements = new List<SqlStatement>();
        while (!parser._cursor.AtEnd)
        {
            ct.ThrowIfCancellationRequested();
            if (parser._cursor.TryKind(SqlTokenKind.Semicolon))
                continue;
            statements.Add(parser.ParseStatement());
        }
        return statements;
    }

    private SqlToken Current => _cursor.Current;

    private int LastEnd => _cursor.Position == 0 ? 0 : _cursor.Tokens[_cursor.Position - 1].End;

    private SqlStatement ParseStatement()
    {
        int before = _unknownCount;
        int start = Current.Start;
        var ctes = new List<SqlCte>();
        if (Current.IsWord("with"))
            ParseWith(ctes);

        var keyword = Current;
        SqlStatement statement;
        if (Current.IsWord("select") || Current.IsWord("values") || Current.Kind == SqlTokenKind.OpenParen)
        {
            var query = ParseQueryAfterWith();
            query.Ctes.AddRange(ctes);
            statement = new SqlSelectStatement(query);
            ctes.Clear();
        }
        else if (_cursor.TryWord("insert"))
            statement = ParseInsert();
        else if (_cursor.TryWord("update"))
            statement = ParseUpdate();
        else if (_cursor.TryWord("delete"))
            statement = ParseDelete();
        else if (Current.IsWord("explain"))
        {
            _cursor.Advance();
            while (Current.IsWord("analyze") || Current.IsWord("verbose") || Current.Kind == SqlTokenKind.OpenParen)
                SkipOne();
            return ParseStatement();
        }
        else
        {
            _unknownCount++;
            statement = new SqlUnknownStatement();
        }

        statement.Ctes.AddRange(ctes);
        statement.KeywordStart = keyword.Start;
        statement.KeywordEnd = keyword.End;

        // Anything left before the next ';' was not understood.
        while (!_cursor.AtEnd && Current.Kind != SqlTokenKind.Semicolon)
        {
            _unknownCount++;
            SkipOne();
        }
        statement.Start = start;
        statement.End = LastEnd;
        statement.HasUnknown = _unknownCount != before;
        return statement;
    }

    /// <summary>WITH [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] ( statement ) [, ...]</summary>
    private void ParseWith(List<SqlCte> ctes)
    {
        _cursor.TryWord("with");
        _cursor.TryWord("recursive");
        do
        {
            if (!Current.IsName)
            {
                _unknownCount++;
                return;
            }
            var name = _cursor.Advance();
            if (Current.Kind == SqlTokenKind.OpenParen)
                _cursor.SkipGroup();
            if (!_cursor.TryWord("as"))
            {
                _unknownCount++;
                return;
            }
            _cursor.TryWord("not");
            _cursor.TryWord("materialized");
            if (!_cursor.TryKind(SqlTokenKind.OpenParen))
            {
                _unknownCount++;
                return;
            }
            int close = _cursor.FindClose(_cursor.Position - 1);
            SqlQuery? query = null;
            SqlStatement? statement = null;
            if (Current.IsWord("select") || Current.IsWord("values") || Current.IsWord("with") || Current.Kind == SqlTokenKind.OpenParen)
                query = ParseQuery();
            else
                statement = ParseNestedStatement(close);
            ExpectClose(close);
            ctes.Add(new SqlCte(name.Value, name.Start, name.End, query, statement));
        }
        while (_cursor.TryKind(SqlTokenKind.Comma));
    }

    /// <summary>A data-modifying statement inside a CTE, parsed up to the CTE's closing parenthesis.</summary>
    private SqlStatement ParseNestedStatement(int close)
    {
        var keyword = Current;
        SqlStatement statement;
        if (_cursor.TryWord("insert"))
            statement = ParseInsert();
        else if (_cursor.TryWord("update"))
            statement = ParseUpdate();
        else if (_cursor.TryWord("delete"))
            statement = ParseDelete();
        else
        {
            _unknownCount++;
            statement = new SqlUnknownStatement { HasUnknown = true };
        }
        statement.KeywordStart = keyword.Start;
        statement.KeywordEnd = keyword.End;
        statement.Start = keyword.Start;
        statement.End = LastEnd;
        if (_cursor.Position < close)
            statement.HasUnknown = true;
        return statement;
    }

    /// <summary>Moves to just after the token at <paramref name="close"/>, counting anything skipped as unknown.</summary>
    private void ExpectClose(int close)
    {
        if (_cursor.Position < close)
        {
            _unknownCount++;
            _cursor.Position = close;
        }
        if (Current.Kind == SqlTokenKind.CloseParen || Current.Kind == SqlTokenKind.CloseBracket)
            _cursor.Advance();
        else
            _unknownCount++;
    }

    /// <summary>Skips one token, or a whole parenthesized group.</summary>
    private void SkipOne()
    {
        if (Current.Kind is SqlTokenKind.OpenParen or SqlTokenKind.OpenBracket)
            _cursor.SkipGroup();
        else
            _cursor.Advance();
    }

    private bool IsReserved(SqlToken token) => token.Kind == SqlTokenKind.Word && Reserved.Contains(token.Value);

    /// <summary>[AS] alias, where a bare alias must not be a reserved word.</summary>
    private string? ParseAlias()
    {
        if (_cursor.TryWord("as"))
            return Current.IsName ? _cursor.Advance().Value : null;
        if (Current.Kind == SqlTokenKind.QuotedIdentifier || (Current.Kind == SqlTokenKind.Word && !IsReserved(Current)))
            return _cursor.Advance().Value;
        return null;
    }
}
