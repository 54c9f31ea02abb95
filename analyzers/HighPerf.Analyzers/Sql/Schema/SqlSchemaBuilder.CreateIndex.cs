using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql;

internal sealed partial class SqlSchemaBuilder
{
    /// <summary>
    /// CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method] (keys)
    /// [INCLUDE (..)] [NULLS [NOT] DISTINCT] [WITH (..)] [TABLESPACE t] [WHERE predicate].
    /// </summary>
    private void CreateIndex(SqlTokenCursor cursor)
    {
        bool unique = cursor.TryWord("unique");
        if (!cursor.TryWord("index"))
            return;
        cursor.TryWord("concurrently");
        SkipIfNotExists(cursor);
        string? indexName = cursor.Current.IsWord("on") ? null : SqlNames.ReadQualifiedName(cursor);
        if (!cursor.TryWord("on"))
            return;
        cursor.TryWord("only");
        string? tableName = SqlNames.ReadQualifiedName(cursor);
        if (tableName is null || !_schema.TryGetTable(tableName, out var table))
            return;

        string method = "btree";
        if (cursor.TryWord("using") && cursor.Current.Kind == SqlTokenKind.Word)
            method = cursor.Advance().Value;
        if (cursor.Current.Kind != SqlTokenKind.OpenParen)
            return;

        int close = cursor.FindClose(cursor.Position);
        cursor.Advance();
        var keys = new List<SqlIndexKey>();
        while (cursor.Position < close)
        {
            int keyEnd = ElementEnd(cursor, close);
            keys.Add(ReadIndexKey(new SqlTokenCursor(cursor.Tokens, cursor.Position, keyEnd)));
            cursor.Position = keyEnd + 1;
        }
        cursor.Position = close + 1;

        string? predicate = null;
        while (!cursor.AtEnd)
        {
            if (cursor.TryWord("where"))
            {
                predicate = SqlExpressionText.Normalize(cursor.Tokens, cursor.Position, cursor.End);
                break;
            }
            if (cursor.Current.Kind == SqlTokenKind.OpenParen)
                cursor.SkipGroup();
            else
                cursor.Advance();
        }

        string name = indexName is null ? table.Name + "_" + string.Join("_", keys.ConvertAll(k => k.Column ?? "expr")) + "_idx" : Unqualified(indexName);
        table.AddIndex(new SqlIndex(name, keys, unique, method, predicate));
    }

    /// <summary>column [COLLATE c] [opclass] [ASC|DESC] [NULLS FIRST|LAST], or (expression) / function(...) likewise.</summary>
    private static SqlIndexKey ReadIndexKey(SqlTokenCursor key)
    {
        int start = key.Position;
        string? column = null;
        if (key.Current.Kind == SqlTokenKind.OpenParen)
        {
            key.SkipGroup();
        }
        else if (key.Current.IsName && key.Peek(1).Kind == SqlTokenKind.OpenParen)
        {
            key.Advance();
            key.SkipGroup();
        }
        else if (key.Current.IsName)
        {
            column = key.Advance().Value;
        }
        int expressionEnd = key.Position;

        bool descending = false;
        while (!key.AtEnd)
        {
            if (key.Current.IsWord("desc"))
                descending = true;
            key.Advance();
        }

        return column is not null
            ? new SqlIndexKey(column, null, descending)
            : new SqlIndexKey(null, SqlExpressionText.Normalize(key.Tokens, start, expressionEnd), descending);
    }
}
