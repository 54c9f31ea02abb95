using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql;

internal sealed partial class SqlSchemaBuilder
{
    /// <summary>ALTER TABLE [IF EXISTS] [ONLY] name action [, action ...] and ALTER TABLE name RENAME ...</summary>
    private void AlterTable(SqlTokenCursor cursor)
    {
        if (cursor.TryWord("if"))
            cursor.TryWord("exists");
        cursor.TryWord("only");
        string? name = SqlNames.ReadQualifiedName(cursor);
        if (name is null)
            return;
        if (!_schema.TryGetTable(name, out var table))
        {
            if (cursor.TryWords("rename", "to") && cursor.Current.IsName && _schema.IsOpaque(name))
            {
                _schema.RemoveOpaque(name);
                _schema.AddOpaque(cursor.Advance().Value);
            }
            return;
        }

        while (!cursor.AtEnd)
        {
            int actionEnd = ElementEnd(cursor, cursor.End);
            ApplyAlterAction(table, new SqlTokenCursor(cursor.Tokens, cursor.Position, actionEnd));
            cursor.Position = actionEnd + 1;
        }
    }

    private void ApplyAlterAction(SqlTable table, SqlTokenCursor action)
    {
        if (action.TryWord("add"))
        {
            bool explicitColumn = action.TryWord("column");
            SkipIfNotExists(action);
            if (explicitColumn || !TryApplyTableConstraint(table, action))
                ApplyTableElement(table, action);
        }
        else if (action.TryWord("drop"))
        {
            if (action.TryWord("constraint"))
            {
                SkipIfExists(action);
                if (action.Current.IsName)
                    table.DropIndex(action.Advance().Value);
                return;
            }
            action.TryWord("column");
            SkipIfExists(action);
            if (action.Current.IsName)
                table.DropColumn(action.Advance().Value);
        }
        else if (action.TryWord("rename"))
        {
            if (action.TryWord("to"))
            {
                if (action.Current.IsName)
                    _schema.RenameTable(table, SqlSchema.Normalize(action.Advance().Value));
                return;
            }
            bool constraint = action.TryWord("constraint");
            action.TryWord("column");
            if (!action.Current.IsName)
                return;
            string from = action.Advance().Value;
            if (!action.TryWord("to") || !action.Current.IsName)
                return;
            string to = action.Advance().Value;
            if (constraint)
                table.RenameIndex(from, to);
            else
                table.RenameColumn(from, to);
        }
    }

    private static void SkipIfExists(SqlTokenCursor cursor)
    {
        if (cursor.Current.IsWord("if") && cursor.Peek(1).IsWord("exists"))
            cursor.Position += 2;
    }
}
