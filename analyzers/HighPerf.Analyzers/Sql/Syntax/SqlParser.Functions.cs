using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql.Syntax;

internal sealed partial class SqlParser
{
    /// <summary>
    /// name(args) with the SQL-standard argument syntaxes (extract(x FROM y), substring(a FROM b FOR c),
    /// position(a IN b), trim(BOTH x FROM y)), named arguments, aggregate ORDER BY, WITHIN GROUP, FILTER and OVER.
    /// </summary>
    /// <remarks>The cursor is on the opening parenthesis; <paramref name="first"/> is the name's token index.</remarks>
    private SqlExpr ParseFunctionCall(string name, int first)
    {
        var call = new SqlFunctionCall(name, new List<SqlExpr>());
        int close = _cursor.FindClose(_cursor.Position);
        _cursor.Advance();

        if (_cursor.TryOperator("*"))
        {
            call.IsStar = true;
        }
        else if (Current.Kind != SqlTokenKind.CloseParen)
        {
            if (!_cursor.TryWord("distinct"))
                _cursor.TryWord("all");
            if (name == "extract" && Current.Kind is SqlTokenKind.Word or SqlTokenKind.String)
            {
                // extract(field FROM source): the field is a keyword, not a column.
                int field = _cursor.Position;
                call.Arguments.Add(Span(new SqlLiteral(SqlLiteralKind.String, _cursor.Advance().Value), field));
                _cursor.TryWord("from");
            }
            if (name == "trim" && (Current.IsWord("both") || Current.IsWord("leading") || Current.IsWord("trailing")))
                _cursor.Advance();
            ParseArguments(call.Arguments);
        }
        ExpectClose(close);

        if (Current.IsWord("within") && _cursor.Peek(1).IsWord("group"))
        {
            _cursor.Position += 2;
            ParseOrderByInParens();
        }
        if (Current.IsWord("filter") && _cursor.Peek(1).Kind == SqlTokenKind.OpenParen)
        {
            _cursor.Advance();
            int filterClose = _cursor.FindClose(_cursor.Position);
            _cursor.Advance();
            if (_cursor.TryWord("where"))
                call.Arguments.Add(ParseExpression());
            ExpectClose(filterClose);
        }
        if (_cursor.TryWord("over"))
        {
            call.IsWindow = true;
            if (Current.Kind == SqlTokenKind.OpenParen)
                _cursor.SkipGroup();
            else if (Current.IsName)
                _cursor.Advance();
        }
        return Span(call, first);
    }

    private void ParseArguments(List<SqlExpr> arguments)
    {
        while (true)
        {
            if (Current.IsName && _cursor.Peek(1).Kind == SqlTokenKind.Operator && _cursor.Peek(1).Value is "=>" or ":=")
                _cursor.Position += 2;
            _cursor.TryWord("variadic");
            arguments.Add(ParseExpression());
            if (_cursor.TryKind(SqlTokenKind.Comma))
                continue;
            if (Current.IsWord("from") || Current.IsWord("in") || Current.IsWord("for") || Current.IsWord("placing")
                || Current.IsWord("similar") || Current.IsWord("escape"))
            {
                _cursor.Advance();
                continue;
            }
            if (_cursor.TryWords("order", "by"))
            {
                var order = new List<SqlOrderItem>();
                ParseOrderItems(order);
                foreach (var item in order)
                    arguments.Add(item.Expression);
            }
            return;
        }
    }

    private void ParseOrderByInParens()
    {
        if (Current.Kind != SqlTokenKind.OpenParen)
            return;
        int close = _cursor.FindClose(_cursor.Position);
        _cursor.Advance();
        if (_cursor.TryWords("order", "by"))
            ParseOrderItems(new List<SqlOrderItem>());
        ExpectClose(close);
    }
}
