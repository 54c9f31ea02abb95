using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql.Syntax;

internal sealed partial class SqlParser
{
    private void ParseFromList(List<SqlFromItem> items)
    {
        do
            items.Add(ParseFromItem());
        while (_cursor.TryKind(SqlTokenKind.Comma));
    }

    /// <summary>A table factor followed by any number of JOINs.</summary>
    private SqlFromItem ParseFromItem()
    {
        var left = ParseTableFactor();
        while (TryParseJoinKind(out var kind, out bool natural, out var keyword))
        {
            var right = ParseTableFactor();
            var join = new SqlJoin(kind, left, right)
            {
                Natural = natural,
                Start = left.Start,
                KeywordStart = keyword.Start,
                KeywordEnd = keyword.End,
            };
            if (_cursor.TryWord("on"))
                join.On = ParseExpression();
            else if (_cursor.TryWord("using"))
                join.Using = ParseNameList();
            join.End = LastEnd;
            left = join;
        }
        return left;
    }

    private bool TryParseJoinKind(out SqlJoinKind kind, out bool natural, out SqlToken keyword)
    {
        int start = _cursor.Position;
        natural = _cursor.TryWord("natural");
        kind = SqlJoinKind.Inner;
        if (_cursor.TryWord("inner"))
            kind = SqlJoinKind.Inner;
        else if (_cursor.TryWord("left"))
            kind = SqlJoinKind.Left;
        else if (_cursor.TryWord("right"))
            kind = SqlJoinKind.Right;
        else if (_cursor.TryWord("full"))
            kind = SqlJoinKind.Full;
        else if (_cursor.TryWord("cross"))
            kind = SqlJoinKind.Cross;
        _cursor.TryWord("outer");
        keyword = Current;
        if (_cursor.TryWord("join"))
            return true;
        _cursor.Position = start;
        return false;
    }

    private SqlFromItem ParseTableFactor()
    {
        var start = Current;
        bool lateral = _cursor.TryWord("lateral");
        SqlFromItem item;
        if (_depth >= MaxDepth)
        {
            _unknownCount++;
            SkipOne();
            item = new SqlOpaqueSource(null);
        }
        else if (Current.Kind == SqlTokenKind.OpenParen)
        {
            int close = _cursor.FindClose(_cursor.Position);
            var next = _cursor.Peek(1);
            _cursor.Advance();
            if (next.IsWord("select") || next.IsWord("with") || next.IsWord("values") || next.Kind == SqlTokenKind.OpenParen && IsQueryAhead())
            {
                var query = ParseQuery();
                item = new SqlSubquerySource(query, lateral);
            }
            else
            {
                _depth++;
                item = ParseFromItem();
                _depth--;
            }
            ExpectClose(close);
        }
        else if ((Current.IsName && !IsReserved(Current)) || Current.IsWord("only"))
        {
            _cursor.TryWord("only");
            int nameStart = Current.Start;
            string? name = SqlNames.ReadQualifiedName(_cursor);
            if (name is null || Current.Kind == SqlTokenKind.OpenParen)
            {
                _unknownCount += name is null ? 1 : 0;
                if (Current.Kind == SqlTokenKind.OpenParen)
                    _cursor.SkipGroup();
                item = new SqlOpaqueSource(null);
                if (_cursor.TryWord("with"))
                    _cursor.TryWord("ordinality");
            }
            else
            {
                item = new SqlTableSource(name ?? "") { NameStart = nameStart, NameEnd = LastEnd };
                _cursor.TryOperator("*");
            }
        }
        else
        {
            _unknownCount++;
            if (!IsClauseStart(Current) && Current.Kind != SqlTokenKind.Comma)
                SkipOne();
            item = new SqlOpaqueSource(null);
        }

        item.Start = start.Start;
        item.Alias = ParseAlias() ?? item.Alias;
        if (item.Alias is not null && Current.Kind == SqlTokenKind.OpenParen)
            _cursor.SkipGroup();
        if (Current.IsWord("tablesample"))
        {
            _unknownCount++;
            while (!_cursor.AtEnd && !IsClauseStart(Current) && Current.Kind != SqlTokenKind.Comma)
                SkipOne();
        }
        item.End = LastEnd;
        return item;
    }

    /// <summary>After "((": a nested query, as opposed to a parenthesized join.</summary>
    private bool IsQueryAhead()
    {
        for (int i = 1; ; i++)
        {
            var token = _cursor.Peek(i);
            if (token.Kind != SqlTokenKind.OpenParen)
                return token.IsWord("select") || token.IsWord("with") || token.IsWord("values");
        }
    }

    /// <summary>( name, name, ... ) as folded names; anything else inside marks the block unknown.</summary>
    private List<string> ParseNameList()
    {
        var names = new List<string>();
        if (Current.Kind != SqlTokenKind.OpenParen)
        {
            _unknownCount++;
            return names;
        }
        int close = _cursor.FindClose(_cursor.Position);
        _cursor.Advance();
        while (Current.IsName)
        {
            names.Add(_cursor.Advance().Value);
            if (!_cursor.TryKind(SqlTokenKind.Comma))
                break;
        }
        ExpectClose(close);
        return names;
    }
}
