using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql.Syntax;

// Precedence, loosest first (PostgreSQL 15): OR, AND, NOT, comparison, IS/BETWEEN/IN/LIKE, other operators,
// + -, * / %, ^, unary, :: and subscripts.
internal sealed partial class SqlParser
{
    private static readonly HashSet<string> ComparisonOperators = new() { "=", "<", ">", "<=", ">=", "<>", "!=" };

    private SqlExpr ParseExpression()
    {
        if (_depth >= MaxDepth)
            return SkipUnknownExpression();
        _depth++;
        var expression = ParseOr();
        _depth--;
        return expression;
    }

    private SqlExpr ParseOr()
    {
        var left = ParseAnd();
        while (_cursor.TryWord("or"))
            left = Span(new SqlBinary("or", left, ParseAnd()), left);
        return left;
    }

    private SqlExpr ParseAnd()
    {
        var left = ParseNot();
        while (_cursor.TryWord("and"))
            left = Span(new SqlBinary("and", left, ParseNot()), left);
        return left;
    }

    private SqlExpr ParseNot()
    {
        var prefixes = new Stack<int>();
        while (Current.IsWord("not"))
            prefixes.Push(_cursor.Position++);
        var operand = ParseComparison();
        while (prefixes.Count > 0)
            operand = Span(new SqlUnary("not", operand), prefixes.Pop(), operand);
        return operand;
    }

    private SqlExpr ParseComparison()
    {
        var left = ParsePredicate();
        while (Current.Kind == SqlTokenKind.Operator && ComparisonOperators.Contains(Current.Value))
        {
            string op = _cursor.Advance().Value;
            if ((Current.IsWord("any") || Current.IsWord("all") || Current.IsWord("some")) && _cursor.Peek(1).Kind == SqlTokenKind.OpenParen)
            {
                string quantifier = _cursor.Advance().Value;
                left = Span(new SqlQuantified(op, quantifier, left, ParseParenthesized()), left);
                continue;
            }
            left = Span(new SqlBinary(op, left, ParsePredicate()), left);
        }
        return left;
    }

    private SqlExpr ParsePredicate()
    {
        var left = ParseOtherOperators();
        while (true)
        {
            if (_cursor.TryWord("is"))
            {
                bool not = _cursor.TryWord("not");
                if (_cursor.TryWord("distinct") && _cursor.TryWord("from"))
                {
                    left = Span(new SqlBinary(not ? "is not distinct from" : "is distinct from", left, ParseOtherOperators()), left);
                    continue;
                }
                string what = Current.Kind == SqlTokenKind.Word ? _cursor.Advance().Value : "?";
                left = Span(new SqlUnary((not ? "is not " : "is ") + what, left), left);
                continue;
            }
            if (Current.IsWord("isnull") || Current.IsWord("notnull"))
            {
                left = Span(new SqlUnary(_cursor.Advance().Value == "isnull" ? "is null" : "is not null", left), left);
                continue;
            }

            int save = _cursor.Position;
            bool negated = _cursor.TryWord("not");
            if (_cursor.TryWord("between"))
            {
                _cursor.TryWord("symmetric");
                var low = ParseOtherOperators();
                var high = _cursor.TryWord("and") ? ParseOtherOperators() : Unknown();
                left = Span(new SqlBetween(left, low, high, negated), left);
            }
            else if (Current.IsWord("in") && _cursor.Peek(1).Kind == SqlTokenKind.OpenParen)
            {
                _cursor.Advance();
                left = ParseInList(left, negated);
            }
            else if (Current.IsWord("in") && _cursor.Peek(1).Kind == SqlTokenKind.Parameter)
            {
                // Dapper expands "IN @ids" into a parenthesized list before sending the command.
                _cursor.Advance();
                var list = ParsePrimary();
                left = Span(new SqlIn(left, new List<SqlExpr> { list }, null, negated), left);
            }
            else if (Current.IsWord("like") || Current.IsWord("ilike") || (Current.IsWord("similar") && _cursor.Peek(1).IsWord("to")))
            {
                string op = _cursor.Advance().Value;
                if (op == "similar")
                    _cursor.Advance();
                var pattern = ParseOtherOperators();
                if (_cursor.TryWord("escape"))
                    ParseOtherOperators();
                left = Span(new SqlBinary(negated ? "not " + op : op, left, pattern), left);
            }
            else
            {
                _cursor.Position = save;
                return left;
            }
        }
    }

    private SqlExpr ParseInList(SqlExpr operand, bool negated)
    {
        int close = _cursor.FindClose(_cursor.Position);
        _cursor.Advance();
        SqlExpr result;
        if (Current.IsWord("select") || Current.IsWord("with") || Current.IsWord("values"))
        {
            result = new SqlIn(operand, null, ParseQuery(), negated);
        }
        else
        {
            var items = new List<SqlExpr>();
            do
                items.Add(ParseExpression());
            while (_cursor.TryKind(SqlTokenKind.Comma));
            result = new SqlIn(operand, items, null, negated);
        }
        ExpectClose(close);
        return Span(result, operand);
    }

    private SqlExpr ParseOtherOperators()
    {
        var left = ParseAdditive();
        while (Current.Kind == SqlTokenKind.Operator && !ComparisonOperators.Contains(Current.Value)
            && Current.Value is not ("+" or "-" or "*" or "/" or "%" or "^" or "::" or "=>" or ":="))
        {
            string op = _cursor.Advance().Value;
            left = Span(new SqlBinary(op, left, ParseAdditive()), left);
        }
        return left;
    }

    private SqlExpr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.IsOperator("+") || Current.IsOperator("-"))
        {
            string op = _cursor.Advance().Value;
            left = Span(new SqlBinary(op, left, ParseMultiplicative()), left);
        }
        return left;
    }

    private SqlExpr ParseMultiplicative()
    {
        var left = ParseExponent();
        while (Current.IsOperator("*") || Current.IsOperator("/") || Current.IsOperator("%"))
        {
            string op = _cursor.Advance().Value;
            left = Span(new SqlBinary(op, left, ParseExponent()), left);
        }
        return left;
    }

    private SqlExpr ParseExponent()
    {
        var left = ParseUnary();
        while (_cursor.TryOperator("^"))
            left = Span(new SqlBinary("^", left, ParseUnary()), left);
        return left;
    }

    private SqlExpr ParseUnary()
    {
        var prefixes = new Stack<int>();
        while (Current.Kind == SqlTokenKind.Operator && Current.Value is "-" or "+" or "~" or "@" or "!" or "|/" or "||/")
            prefixes.Push(_cursor.Position++);
        var operand = ParsePostfix();
        while (prefixes.Count > 0)
        {
            int at = prefixes.Pop();
            operand = Span(new SqlUnary(_cursor.Tokens[at].Value, operand), at, operand);
        }
        return operand;
    }

    private SqlExpr ParsePostfix()
    {
        var expression = ParsePrimary();
        while (true)
        {
            if (_cursor.TryOperator("::"))
            {
                expression = Span(new SqlCast(expression, ParseTypeName()), expression);
            }
            else if (Current.Kind == SqlTokenKind.OpenBracket)
            {
                _cursor.SkipGroup();
                expression = Span(new SqlBinary("[]", expression, new SqlUnknownExpr()), expression);
            }
            else if (_cursor.TryWord("collate"))
            {
                SqlNames.ReadQualifiedName(_cursor);
                expression = Span(new SqlUnary("collate", expression), expression);
            }
            else if (Current.IsWord("at") && _cursor.Peek(1).IsWord("time"))
            {
                _cursor.Position += 2;
                _cursor.TryWord("zone");
                expression = Span(new SqlBinary("at time zone", expression, ParseUnary()), expression);
            }
            else
            {
                return expression;
            }
        }
    }

    /// <summary>( expression ) or ( subquery ), as used after ANY/ALL.</summary>
    private SqlExpr ParseParenthesized()
    {
        int open = _cursor.Position;
        int close = _cursor.FindClose(_cursor.Position);
        _cursor.Advance();
        SqlExpr inner = Current.IsWord("select") || Current.IsWord("with") || Current.IsWord("values")
            ? new SqlSubqueryExpr(SqlSubqueryKind.Scalar, ParseQuery())
            : ParseExpression();
        ExpectClose(close);
        return Span(inner, open);
    }

    private List<SqlExpr> ParseParenthesizedList()
    {
        var items = new List<SqlExpr>();
        if (Current.Kind != SqlTokenKind.OpenParen)
            return items;
        int close = _cursor.FindClose(_cursor.Position);
        _cursor.Advance();
        do
            items.Add(ParseExpression());
        while (_cursor.TryKind(SqlTokenKind.Comma));
        ExpectClose(close);
        return items;
    }

    private SqlExpr SkipUnknownExpression()
    {
        int first = _cursor.Position;
        _unknownCount++;
        while (!_cursor.AtEnd && !IsExpressionBoundary(Current))
            SkipOne();
        return Span(new SqlUnknownExpr(), first);
    }

    private bool IsExpressionBoundary(SqlToken token) =>
        token.Kind is SqlTokenKind.Comma or SqlTokenKind.CloseParen or SqlTokenKind.CloseBracket or SqlTokenKind.Semicolon
            or SqlTokenKind.EndOfInput
        || IsReserved(token);

    private SqlExpr Unknown()
    {
        _unknownCount++;
        return new SqlUnknownExpr { Start = Current.Start, End = Current.Start, FirstToken = _cursor.Position, EndToken = _cursor.Position };
    }

    /// <summary>Sets the node's span from <paramref name="from"/> to the last consumed token.</summary>
    private T Span<T>(T node, SqlExpr from)
        where T : SqlExpr
    {
        node.Start = from.Start;
        node.FirstToken = from.FirstToken;
        node.End = LastEnd;
        node.EndToken = _cursor.Position;
        return node;
    }

    private T Span<T>(T node, int firstToken, SqlExpr? to = null)
        where T : SqlExpr
    {
        node.Start = _cursor.Tokens[firstToken].Start;
        node.FirstToken = firstToken;
        node.End = to?.End ?? LastEnd;
        node.EndToken = to?.EndToken ?? _cursor.Position;
        return node;
    }
}
