using System.Collections.Generic;
using System.Text;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql.Syntax;

internal sealed partial class SqlParser
{
    private static readonly HashSet<string> NiladicKeywords = new()
    {
        "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user",
        "session_user", "user", "current_role", "current_schema", "current_catalog",
    };

    // Words that read as a type name before a string literal: date '2024-01-01', interval '1 day'.
    private static readonly HashSet<string> TypedLiteralWords = new()
    {
        "date", "time", "timestamp", "timestamptz", "interval", "numeric", "int", "integer", "bigint", "text",
        "uuid", "json", "jsonb", "boolean", "bool", "real", "float", "varchar", "char", "bytea", "inet",
    };

    private SqlExpr ParsePrimary()
    {
        int first = _cursor.Position;
        var token = Current;
        switch (token.Kind)
        {
            case SqlTokenKind.Number:
                _cursor.Advance();
                return Span(new SqlLiteral(SqlLiteralKind.Number, token.Value), first);
            case SqlTokenKind.String:
                _cursor.Advance();
                return Span(new SqlLiteral(SqlLiteralKind.String, token.Value), first);
            case SqlTokenKind.Parameter:
                _cursor.Advance();
                return Span(new SqlParameter(token.Value), first);
            case SqlTokenKind.OpenParen:
                return ParseParenthesizedPrimary();
            case SqlTokenKind.QuotedIdentifier:
                return ParseNameExpression();
            case SqlTokenKind.Word:
                return ParseWordPrimary(token);
        }

        if (!IsExpressionBoundary(token))
            SkipOne();
        return Span(Unknown(), first);
    }

    private SqlExpr ParseParenthesizedPrimary()
    {
        int first = _cursor.Position;
        var next = _cursor.Peek(1);
        if (next.IsWord("select") || next.IsWord("with") || next.IsWord("values"))
        {
            int close = _cursor.FindClose(first);
            _cursor.Advance();
            var query = ParseQuery();
            ExpectClose(close);
            return Span(new SqlSubqueryExpr(SqlSubqueryKind.Scalar, query), first);
        }
        var items = ParseParenthesizedList();
        if (Current.Kind == SqlTokenKind.Dot)
        {
            // (composite).field
            _cursor.Advance();
            if (Current.IsName || Current.IsOperator("*"))
                _cursor.Advance();
            _unknownCount++;
            return Span(new SqlUnknownExpr(), first);
        }
        return items.Count == 1 ? items[0] : Span(new SqlList(items), first);
    }

    private SqlExpr ParseWordPrimary(SqlToken token)
    {
        int first = _cursor.Position;
        string word = token.Value;
        var next = _cursor.Peek(1);
        switch (word)
        {
            case "null":
                _cursor.Advance();
                return Span(new SqlLiteral(SqlLiteralKind.Null, word), first);
            case "true":
            case "false":
                _cursor.Advance();
                return Span(new SqlLiteral(SqlLiteralKind.Boolean, word), first);
            case "default":
                _cursor.Advance();
                return Span(new SqlLiteral(SqlLiteralKind.Typed, word), first);
            case "case":
                return ParseCase();
            case "cast" when next.Kind == SqlTokenKind.OpenParen:
                return ParseCastCall();
            case "exists" when next.Kind == SqlTokenKind.OpenParen:
                _cursor.Advance();
                return Span(new SqlSubqueryExpr(SqlSubqueryKind.Exists, ParseSubqueryInParens()), first);
            case "array" when next.Kind == SqlTokenKind.OpenBracket:
                return ParseArrayLiteral();
            case "array" when next.Kind == SqlTokenKind.OpenParen:
                _cursor.Advance();
                return Span(new SqlSubqueryExpr(SqlSubqueryKind.Array, ParseSubqueryInParens()), first);
            case "row" when next.Kind == SqlTokenKind.OpenParen:
                _cursor.Advance();
                return Span(new SqlList(ParseParenthesizedList()), first);
        }

        if (NiladicKeywords.Contains(word) && next.Kind != SqlTokenKind.Dot)
        {
            _cursor.Advance();
            if (Current.Kind == SqlTokenKind.OpenParen)
                _cursor.SkipGroup();
            return Span(new SqlFunctionCall(word, new List<SqlExpr>()) { HasParentheses = false }, first);
        }
        if (TypedLiteralWords.Contains(word) && next.Kind == SqlTokenKind.String)
        {
            _cursor.Position += 2;
            return Span(new SqlLiteral(SqlLiteralKind.Typed, next.Value), first);
        }
        if (next.Kind == SqlTokenKind.OpenParen && (word is "left" or "right" or "any" or "all" or "some" || !IsReserved(token)))
        {
            _cursor.Advance();
            return ParseFunctionCall(word, first);
        }
        if (IsReserved(token))
            return Span(Unknown(), first);
        return ParseNameExpression();
    }

    /// <summary>name[.name...] as a column reference, alias.* as a star, or schema.function(...).</summary>
    private SqlExpr ParseNameExpression()
    {
        int first = _cursor.Position;
        var parts = new List<string> { _cursor.Advance().Value };
        while (Current.Kind == SqlTokenKind.Dot)
        {
            var next = _cursor.Peek(1);
            if (next.IsName)
            {
                _cursor.Advance();
                parts.Add(_cursor.Advance().Value);
            }
            else if (next.IsOperator("*"))
            {
                _cursor.Position += 2;
                return Span(new SqlColumnRef(parts) { IsStar = true }, first);
            }
            else
            {
                break;
            }
        }
        if (Current.Kind == SqlTokenKind.OpenParen)
            return ParseFunctionCall(string.Join(".", parts), first);
        if (Current.Kind == SqlTokenKind.String && parts.Count == 1)
        {
            // Type 'literal' for a type we did not list (e.g. point '(1,2)').
            _cursor.Advance();
            return Span(new SqlLiteral(SqlLiteralKind.Typed, parts[0]), first);
        }
        return Span(new SqlColumnRef(parts), first);
    }

    private SqlQuery ParseSubqueryInParens()
    {
        int close = _cursor.FindClose(_cursor.Position);
        _cursor.Advance();
        var query = ParseQuery();
        ExpectClose(close);
        return query;
    }

    private SqlExpr ParseArrayLiteral()
    {
        int first = _cursor.Position;
        _cursor.Advance();
        int close = _cursor.FindClose(_cursor.Position);
        _cursor.Advance();
        var items = new List<SqlExpr>();
        if (Current.Kind != SqlTokenKind.CloseBracket)
        {
            do
                items.Add(Current.Kind == SqlTokenKind.OpenBracket ? ParseNestedArray() : ParseExpression());
            while (_cursor.TryKind(SqlTokenKind.Comma));
        }
        ExpectClose(close);
        return Span(new SqlList(items), first);
    }

    private SqlExpr ParseNestedArray()
    {
        int first = _cursor.Position;
        _cursor.SkipGroup();
        return Span(new SqlList(new List<SqlExpr>()), first);
    }

    private SqlExpr ParseCase()
    {
        int first = _cursor.Position;
        _cursor.Advance();
        SqlExpr? operand = Current.IsWord("when") ? null : ParseExpression();
        var parts = new List<SqlExpr>();
        while (_cursor.TryWord("when"))
        {
            parts.Add(ParseExpression());
            parts.Add(_cursor.TryWord("then") ? ParseExpression() : Unknown());
        }
        if (_cursor.TryWord("else"))
            parts.Add(ParseExpression());
        if (!_cursor.TryWord("end"))
            _unknownCount++;
        return Span(new SqlCase(operand, parts), first);
    }

    private SqlExpr ParseCastCall()
    {
        int first = _cursor.Position;
        _cursor.Advance();
        int close = _cursor.FindClose(_cursor.Position);
        _cursor.Advance();
        var operand = ParseExpression();
        string type = _cursor.TryWord("as") ? ParseTypeName() : "?";
        ExpectClose(close);
        return Span(new SqlCast(operand, type), first);
    }

    /// <summary>Type names as written after :: or AS: int, numeric(10,2), double precision, timestamp with time zone, text[].</summary>
    private string ParseTypeName()
    {
        var text = new StringBuilder();
        if (SqlNames.ReadQualifiedName(_cursor) is { } name)
            text.Append(name);
        while (Current.IsWord("precision") || Current.IsWord("varying") || Current.IsWord("with") && _cursor.Peek(1).IsWord("time")
            || Current.IsWord("without") || Current.IsWord("time") || Current.IsWord("zone"))
        {
            text.Append(' ').Append(_cursor.Advance().Value);
        }
        if (Current.Kind == SqlTokenKind.OpenParen)
            _cursor.SkipGroup();
        while (Current.Kind == SqlTokenKind.OpenBracket)
        {
            _cursor.SkipGroup();
            text.Append("[]");
        }
        if (text.Length == 0)
            _unknownCount++;
        return text.ToString();
    }
}
