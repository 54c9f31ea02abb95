using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql;

internal sealed partial class SqlSchemaBuilder
{
    private static readonly HashSet<string> ColumnConstraintWords = new()
    {
        "constraint", "not", "null", "default", "primary", "unique", "references", "check", "generated", "collate",
    };

    private void CreateTable(SqlTokenCursor cursor)
    {
        SkipIfNotExists(cursor);
        string? name = SqlNames.ReadQualifiedName(cursor);
        if (name is null)
            return;

        // PARTITION OF, OF type, AS SELECT: the columns come from elsewhere, so the table is declared but opaque.
        if (cursor.Current.Kind != SqlTokenKind.OpenParen)
        {
            _schema.AddOpaque(name);
            return;
        }

        var table = new SqlTable(SqlSchema.Normalize(name));
        int close = cursor.FindClose(cursor.Position);
        cursor.Advance();
        bool complete = true;
        while (cursor.Position < close)
        {
            int elementEnd = ElementEnd(cursor, close);
            var element = new SqlTokenCursor(cursor.Tokens, cursor.Position, elementEnd);
            complete &= ApplyTableElement(table, element);
            cursor.Position = elementEnd + 1;
        }
        cursor.Position = close + 1;

        if (!complete || cursor.Current.IsWord("inherits"))
        {
            _schema.RemoveTable(name);
            _schema.AddOpaque(name);
            return;
        }
        _schema.AddTable(table);
    }

    /// <summary>Index of the comma (or close paren) that ends the element starting at the cursor.</summary>
    private static int ElementEnd(SqlTokenCursor cursor, int close)
    {
        int depth = 0;
        for (int i = cursor.Position; i < close; i++)
        {
            var kind = cursor.Tokens[i].Kind;
            if (kind == SqlTokenKind.OpenParen)
                depth++;
            else if (kind == SqlTokenKind.CloseParen)
                depth--;
            else if (kind == SqlTokenKind.Comma && depth == 0)
                return i;
        }
        return close;
    }

    /// <summary>Applies a column or table constraint; false when the element copies columns we cannot see (LIKE).</summary>
    private bool ApplyTableElement(SqlTable table, SqlTokenCursor element)
    {
        if (element.Current.IsWord("like"))
            return false;
        if (TryApplyTableConstraint(table, element))
            return true;
        if (!element.Current.IsName)
            return true;

        string column = element.Advance().Value;
        int typeStart = element.Position;
        while (!element.AtEnd && !(element.Current.Kind == SqlTokenKind.Word && ColumnConstraintWords.Contains(element.Current.Value)))
        {
            if (element.Current.Kind == SqlTokenKind.OpenParen)
                element.SkipGroup();
            else
                element.Advance();
        }
        table.AddColumn(new SqlColumn(column, SqlExpressionText.Normalize(element.Tokens, typeStart, element.Position)));

        while (!element.AtEnd)
        {
            if (element.TryWords("primary", "key"))
                AddKeyIndex(table, new List<string> { column }, primary: true, constraintName: null);
            else if (element.TryWord("unique"))
                AddKeyIndex(table, new List<string> { column }, primary: false, constraintName: null);
            else if (element.Current.Kind == SqlTokenKind.OpenParen)
                element.SkipGroup();
            else
                element.Advance();
        }
        return true;
    }

    /// <summary>[CONSTRAINT name] PRIMARY KEY (..) | UNIQUE (..) | FOREIGN KEY | CHECK | EXCLUDE.</summary>
    private bool TryApplyTableConstraint(SqlTable table, SqlTokenCursor element)
    {
        string? constraintName = null;
        if (element.TryWord("constraint"))
            constraintName = element.Current.IsName ? element.Advance().Value : null;

        if (element.TryWords("primary", "key"))
        {
            if (ReadNameList(element) is { } columns)
                AddKeyIndex(table, columns, primary: true, constraintName);
            return true;
        }
        if (element.TryWord("unique"))
        {
            SkipNullsDistinct(element);
            if (ReadNameList(element) is { } columns)
                AddKeyIndex(table, columns, primary: false, constraintName);
            return true;
        }
        // Foreign keys create no index in PostgreSQL; CHECK and EXCLUDE (gist) serve no btree lookup we model.
        return constraintName is not null
            || element.Current.IsWord("foreign") || element.Current.IsWord("check") || element.Current.IsWord("exclude");
    }

    /// <summary>UNIQUE NULLS [NOT] DISTINCT changes nothing for lookups.</summary>
    private static void SkipNullsDistinct(SqlTokenCursor cursor)
    {
        if (!cursor.TryWord("nulls"))
            return;
        cursor.TryWord("not");
        cursor.TryWord("distinct");
    }

    private static void AddKeyIndex(SqlTable table, List<string> columns, bool primary, string? constraintName)
    {
        var keys = new List<SqlIndexKey>();
        foreach (string column in columns)
            keys.Add(new SqlIndexKey(column, null, Descending: false));
        string name = constraintName ?? (primary ? table.Name + "_pkey" : table.Name + "_" + string.Join("_", columns) + "_key");
        table.AddIndex(new SqlIndex(name, keys, IsUnique: true, "btree", Predicate: null));
    }
}
