using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql.Syntax;

internal sealed partial class SqlParser
{
    private SqlQuery ParseQuery()
    {
        var ctes = new List<SqlCte>();
        if (Current.IsWord("with"))
            ParseWith(ctes);
        var query = ParseQueryAfterWith();
        query.Ctes.AddRange(ctes);
        return query;
    }

    private SqlQuery ParseQueryAfterWith()
    {
        var query = new SqlQuery();
        if (++_depth > MaxDepth)
        {
            _unknownCount++;
            SkipToClosingLevel();
            _depth--;
            return query;
        }
        query.Body = ParseSetOperation();
        ParseQueryTail(query);
        _depth--;
        return query;
    }

    /// <summary>ORDER BY, LIMIT, OFFSET, FETCH and FOR UPDATE/SHARE, in any order.</summary>
    private void ParseQueryTail(SqlQuery query)
    {
        while (true)
        {
            if (_cursor.TryWords("order", "by"))
                ParseOrderItems(query.OrderBy);
            else if (_cursor.TryWord("limit"))
                query.Limit = _cursor.TryWord("all") ? null : ParseExpression();
            else if (Current.IsWord("offset"))
            {
                query.OffsetStart = _cursor.Advance().Start;
                query.Offset = ParseExpression();
                _cursor.TryWord("rows");
                _cursor.TryWord("row");
                query.OffsetEnd = LastEnd;
            }
            else if (_cursor.TryWord("fetch"))
            {
                query.HasFetch = true;
                while (Current.Kind is SqlTokenKind.Word or SqlTokenKind.Number or SqlTokenKind.Parameter && !Current.IsWord("for"))
                    _cursor.Advance();
            }
            else if (_cursor.TryWord("for"))
            {
                query.IsLocking = true;
                while (Current.Kind is SqlTokenKind.Word or SqlTokenKind.Comma or SqlTokenKind.Dot or SqlTokenKind.QuotedIdentifier
                    && !Current.IsWord("order") && !Current.IsWord("limit") && !Current.IsWord("offset"))
                    _cursor.Advance();
            }
            else
                return;
        }
    }

    private void ParseOrderItems(List<SqlOrderItem> items)
    {
        do
        {
            var expression = ParseExpression();
            bool descending = false;
            if (_cursor.TryWord("desc"))
                descending = true;
            else if (!_cursor.TryWord("asc") && _cursor.TryWord("using"))
                _cursor.Advance();
            if (_cursor.TryWord("nulls"))
                _cursor.Advance();
            items.Add(new SqlOrderItem(expression, descending));
        }
        while (_cursor.TryKind(SqlTokenKind.Comma));
    }

    private SqlQueryBody ParseSetOperation()
    {
        var left = ParseQueryTerm();
        while (Current.IsWord("union") || Current.IsWord("intersect") || Current.IsWord("except"))
        {
            string op = _cursor.Advance().Value;
            if (!_cursor.TryWord("all"))
                _cursor.TryWord("distinct");
            var right = ParseQueryTerm();
            left = new SqlSetOperation(op, left, right) { Start = left.Start, End = right.End };
        }
        return left;
    }

    private SqlQueryBody ParseQueryTerm()
    {
        int start = Current.Start;
        if (Current.Kind == SqlTokenKind.OpenParen)
        {
            int close = _cursor.FindClose(_cursor.Position);
            _cursor.Advance();
            var inner = ParseQuery();
            ExpectClose(close);
            return new SqlNestedQuery(inner) { Start = start, End = LastEnd };
        }
        if (_cursor.TryWord("values"))
        {
            var values = new SqlValuesBody { Start = start };
            do
                values.Rows.Add(ParseExpression());
            while (_cursor.TryKind(SqlTokenKind.Comma));
            values.End = LastEnd;
            return values;
        }
        if (Current.IsWord("select"))
            return ParseSelect();

        _unknownCount++;
        return new SqlUnknownBody { Start = start, End = start };
    }

    private SqlSelect ParseSelect()
    {
        int before = _unknownCount;
        var select = new SqlSelect { Start = _cursor.Advance().Start };
        if (_cursor.TryWord("distinct"))
        {
            select.Distinct = true;
            if (_cursor.TryWord("on"))
                ParseParenthesizedList();
        }
        else
        {
            _cursor.TryWord("all");
        }

        if (!IsClauseStart(Current))
            ParseSelectItems(select.Items);
        if (_cursor.TryWord("into"))
        {
            _unknownCount++;
            while (Current.IsName && !IsReserved(Current) || Current.Kind == SqlTokenKind.Dot)
                _cursor.Advance();
        }
        if (_cursor.TryWord("from"))
            ParseFromList(select.From);
        if (_cursor.TryWord("where"))
            select.Where = ParseExpression();
        if (_cursor.TryWords("group", "by"))
        {
            if (!_cursor.TryWord("all"))
                _cursor.TryWord("distinct");
            do
                select.GroupBy.Add(ParseExpression());
            while (_cursor.TryKind(SqlTokenKind.Comma));
        }
        if (_cursor.TryWord("having"))
            select.Having = ParseExpression();
        if (_cursor.TryWord("window"))
        {
            while (Current.IsName || Current.IsWord("as") || Current.Kind is SqlTokenKind.Comma or SqlTokenKind.OpenParen)
                SkipOne();
        }
        select.End = LastEnd;
        select.HasUnknown = _unknownCount != before;
        return select;
    }

    private static bool IsClauseStart(SqlToken token) =>
        token.Kind is SqlTokenKind.EndOfInput or SqlTokenKind.Semicolon or SqlTokenKind.CloseParen
        || token.IsWord("from") || token.IsWord("where") || token.IsWord("union") || token.IsWord("order")
        || token.IsWord("limit") || token.IsWord("group");

    private void ParseSelectItems(List<SqlSelectItem> items)
    {
        do
        {
            var start = Current;
            if (Current.IsOperator("*"))
            {
                _cursor.Advance();
                items.Add(new SqlSelectItem(null, null, null, start.Start, start.End));
                continue;
            }
            var expression = ParseExpression();
            if (expression is SqlColumnRef { IsStar: true } star)
            {
                items.Add(new SqlSelectItem(null, null, star.Qualifier, star.Start, star.End));
                continue;
            }
            string? alias = ParseAlias();
            items.Add(new SqlSelectItem(expression, alias, null, start.Start, LastEnd));
        }
        while (_cursor.TryKind(SqlTokenKind.Comma));
    }

    /// <summary>Skips tokens to the parenthesis that closes the current level (or the end of the statement).</summary>
    private void SkipToClosingLevel()
    {
        while (!_cursor.AtEnd && Current.Kind is not (SqlTokenKind.CloseParen or SqlTokenKind.CloseBracket or SqlTokenKind.Semicolon))
            SkipOne();
    }
}
