using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql.Syntax;

internal sealed partial class SqlParser
{
    /// <summary>INSERT INTO t [AS a] [(cols)] {DEFAULT VALUES | VALUES ... | query} [ON CONFLICT ...] [RETURNING ...]</summary>
    private SqlStatement ParseInsert()
    {
        var insert = new SqlInsertStatement();
        if (!_cursor.TryWord("into"))
            _unknownCount++;
        insert.Target = ParseTargetTable(allowBareAlias: false);
        if (Current.Kind == SqlTokenKind.OpenParen && !IsQueryAhead())
            ParseColumnTargets(insert.Columns);
        if (_cursor.TryWord("overriding"))
        {
            _cursor.Advance();
            _cursor.TryWord("value");
        }
        // DEFAULT VALUES inserts no source rows to check.
        if (!_cursor.TryWords("default", "values"))
        {
            if (Current.IsWord("values") || Current.IsWord("select") || Current.IsWord("with") || Current.Kind == SqlTokenKind.OpenParen)
                insert.Source = ParseQuery();
            else
                _unknownCount++;
        }

        if (_cursor.TryWords("on", "conflict"))
            ParseOnConflict(insert);
        ParseReturning(insert);
        return insert;
    }

    private void ParseOnConflict(SqlInsertStatement insert)
    {
        if (Current.Kind == SqlTokenKind.OpenParen)
        {
            int close = _cursor.FindClose(_cursor.Position);
            _cursor.Advance();
            while (Current.IsName && _cursor.Peek(1).Kind is SqlTokenKind.Comma or SqlTokenKind.CloseParen)
            {
                var column = _cursor.Advance();
                insert.ConflictTarget.Add(new SqlAssignment(column.Value, column.Start, column.End, null));
                _cursor.TryKind(SqlTokenKind.Comma);
            }
            // Expression targets (lower(email)) are read but not checked.
            while (_cursor.Position < close && !_cursor.AtEnd)
                SkipOne();
            ExpectClose(close);
            if (_cursor.TryWord("where"))
                ParseExpression();
        }
        else if (_cursor.TryWords("on", "constraint"))
        {
            _cursor.Advance();
        }

        if (!_cursor.TryWord("do"))
        {
            _unknownCount++;
            return;
        }
        if (_cursor.TryWord("nothing"))
            return;
        if (_cursor.TryWords("update", "set"))
        {
            ParseAssignments(insert.ConflictUpdates);
            if (_cursor.TryWord("where"))
                insert.Where = ParseExpression();
        }
        else
        {
            _unknownCount++;
        }
    }

    /// <summary>UPDATE [ONLY] t [*] [[AS] a] SET ... [FROM ...] [WHERE ... | WHERE CURRENT OF c] [RETURNING ...]</summary>
    private SqlStatement ParseUpdate()
    {
        var update = new SqlUpdateStatement();
        update.Target = ParseTargetTable(allowBareAlias: true);
        if (_cursor.TryWord("set"))
            ParseAssignments(update.Assignments);
        else
            _unknownCount++;
        if (_cursor.TryWord("from"))
            ParseFromList(update.From);
        ParseDmlWhere(update);
        ParseReturning(update);
        return update;
    }

    /// <summary>DELETE FROM [ONLY] t [*] [[AS] a] [USING ...] [WHERE ... | WHERE CURRENT OF c] [RETURNING ...]</summary>
    private SqlStatement ParseDelete()
    {
        var delete = new SqlDeleteStatement();
        if (!_cursor.TryWord("from"))
            _unknownCount++;
        delete.Target = ParseTargetTable(allowBareAlias: true);
        if (_cursor.TryWord("using"))
            ParseFromList(delete.Using);
        ParseDmlWhere(delete);
        ParseReturning(delete);
        return delete;
    }

    private void ParseDmlWhere(SqlDmlStatement statement)
    {
        if (!_cursor.TryWord("where"))
            return;
        statement.HasWhere = true;
        if (Current.IsWord("current") && _cursor.Peek(1).IsWord("of"))
        {
            _cursor.Position += 2;
            _cursor.Advance();
            return;
        }
        statement.Where = ParseExpression();
    }

    private SqlTableSource? ParseTargetTable(bool allowBareAlias)
    {
        var start = Current;
        _cursor.TryWord("only");
        if (!Current.IsName || IsReserved(Current))
        {
            _unknownCount++;
            return null;
        }
        int nameStart = Current.Start;
        var target = new SqlTableSource(SqlNames.ReadQualifiedName(_cursor)!) { Start = start.Start, NameStart = nameStart, NameEnd = LastEnd };
        _cursor.TryOperator("*");
        if (_cursor.TryWord("as"))
            target.Alias = Current.IsName ? _cursor.Advance().Value : null;
        else if (allowBareAlias && Current.IsName && !IsReserved(Current))
            target.Alias = _cursor.Advance().Value;
        target.End = LastEnd;
        return target;
    }

    /// <summary>col = expr | col[sub] = expr | (a, b) = (..) / ROW(..) / (subquery), comma separated.</summary>
    private void ParseAssignments(List<SqlAssignment> assignments)
    {
        do
        {
            if (Current.Kind == SqlTokenKind.OpenParen)
            {
                var columns = new List<SqlAssignment>();
                ParseColumnTargets(columns);
                SqlExpr? value = _cursor.TryOperator("=") ? ParseExpression() : Unknown();
                foreach (var column in columns)
                    assignments.Add(column with { Value = value });
                continue;
            }
            if (!Current.IsName)
            {
                _unknownCount++;
                return;
            }
            var name = _cursor.Advance();
            while (Current.Kind == SqlTokenKind.OpenBracket || Current.Kind == SqlTokenKind.Dot)
            {
                SkipOne();
                if (Current.IsName)
                    _cursor.Advance();
            }
            var expression = _cursor.TryOperator("=") ? ParseExpression() : Unknown();
            assignments.Add(new SqlAssignment(name.Value, name.Start, name.End, expression));
        }
        while (_cursor.TryKind(SqlTokenKind.Comma));
    }

    private void ParseColumnTargets(List<SqlAssignment> columns)
    {
        int close = _cursor.FindClose(_cursor.Position);
        _cursor.Advance();
        while (Current.IsName)
        {
            var column = _cursor.Advance();
            columns.Add(new SqlAssignment(column.Value, column.Start, column.End, null));
            if (Current.Kind == SqlTokenKind.OpenBracket || Current.Kind == SqlTokenKind.Dot)
            {
                _unknownCount++;
                break;
            }
            if (!_cursor.TryKind(SqlTokenKind.Comma))
                break;
        }
        ExpectClose(close);
    }

    private void ParseReturning(SqlDmlStatement statement)
    {
        if (_cursor.TryWord("returning"))
            ParseSelectItems(statement.Returning);
    }
}
