using System.Collections.Generic;
using System.Threading;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql;

/// <summary>
/// Applies migration DDL to a <see cref="SqlSchema"/>, statement by statement. Statements it does not model are
/// skipped; those that create relations (views, functions, types, partitions...) declare their names as opaque
/// so no rule reports or judges them.
/// </summary>
internal sealed partial class SqlSchemaBuilder
{
    private readonly SqlSchema _schema;

    internal SqlSchemaBuilder(SqlSchema schema) => _schema = schema;

    internal void Apply(string text, CancellationToken ct)
    {
        var tokens = SqlTokenizer.Tokenize(text);
        int start = 0;
        int depth = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var kind = tokens[i].Kind;
            if (kind == SqlTokenKind.OpenParen)
                depth++;
            else if (kind == SqlTokenKind.CloseParen && depth > 0)
                depth--;
            else if ((kind == SqlTokenKind.Semicolon && depth == 0) || kind == SqlTokenKind.EndOfInput)
            {
                ct.ThrowIfCancellationRequested();
                if (i > start)
                    ApplyStatement(new SqlTokenCursor(tokens, start, i));
                start = i + 1;
                depth = 0;
            }
        }
    }

    private void ApplyStatement(SqlTokenCursor cursor)
    {
        if (cursor.TryWord("create"))
        {
            cursor.TryWords("or", "replace");
            if (cursor.Current.IsWord("unique") || cursor.Current.IsWord("index"))
                CreateIndex(cursor);
            else
                CreateRelation(cursor);
        }
        else if (cursor.TryWord("alter"))
        {
            if (cursor.TryWord("table"))
                AlterTable(cursor);
            else if (cursor.TryWord("index"))
                AlterIndex(cursor);
            else
                AlterOpaque(cursor);
        }
        else if (cursor.TryWord("drop"))
        {
            Drop(cursor);
        }
    }

    private void CreateRelation(SqlTokenCursor cursor)
    {
        while (cursor.Current.IsWord("temp") || cursor.Current.IsWord("temporary") || cursor.Current.IsWord("unlogged")
            || cursor.Current.IsWord("global") || cursor.Current.IsWord("local") || cursor.Current.IsWord("recursive"))
        {
            cursor.Advance();
        }

        if (cursor.TryWord("table"))
        {
            CreateTable(cursor);
            return;
        }

        // CREATE [MATERIALIZED] VIEW, FUNCTION, PROCEDURE, TYPE, DOMAIN, SEQUENCE, FOREIGN TABLE: declared, not modelled.
        cursor.TryWord("materialized");
        cursor.TryWord("foreign");
        if (cursor.Current.Kind != SqlTokenKind.Word)
            return;
        string kind = cursor.Advance().Value;
        if (kind is not ("view" or "table" or "function" or "procedure" or "type" or "domain" or "sequence"))
            return;
        SkipIfNotExists(cursor);
        string? name = SqlNames.ReadQualifiedName(cursor);
        if (name is not null)
            _schema.AddOpaque(name);
    }

    private void Drop(SqlTokenCursor cursor)
    {
        cursor.TryWord("materialized");
        cursor.TryWord("foreign");
        if (cursor.Current.Kind != SqlTokenKind.Word)
            return;
        string kind = cursor.Advance().Value;
        cursor.TryWord("concurrently");
        if (cursor.TryWord("if"))
            cursor.TryWord("exists");
        do
        {
            string? name = SqlNames.ReadQualifiedName(cursor);
            if (name is null)
                return;
            if (kind == "table")
                _schema.RemoveTable(name);
            else if (kind == "index")
                DropIndex(name);
            else if (kind is "view" or "function" or "procedure" or "type" or "domain" or "sequence")
                _schema.RemoveOpaque(name);
            if (cursor.Current.Kind == SqlTokenKind.OpenParen)
                cursor.SkipGroup();
        }
        while (cursor.TryKind(SqlTokenKind.Comma));
    }

    private void DropIndex(string name)
    {
        string unqualified = Unqualified(name);
        foreach (var table in _schema.Tables)
        {
            if (table.DropIndex(unqualified))
                return;
        }
    }

    private void AlterIndex(SqlTokenCursor cursor)
    {
        if (cursor.TryWord("if"))
            cursor.TryWord("exists");
        string? name = SqlNames.ReadQualifiedName(cursor);
        if (name is null || !cursor.TryWords("rename", "to") || !cursor.Current.IsName)
            return;
        string newName = cursor.Advance().Value;
        foreach (var table in _schema.Tables)
            table.RenameIndex(Unqualified(name), newName);
    }

    private void AlterOpaque(SqlTokenCursor cursor)
    {
        cursor.TryWord("materialized");
        if (!cursor.TryWord("view"))
            return;
        if (cursor.TryWord("if"))
            cursor.TryWord("exists");
        string? name = SqlNames.ReadQualifiedName(cursor);
        if (name is not null && cursor.TryWords("rename", "to") && cursor.Current.IsName)
        {
            _schema.RemoveOpaque(name);
            _schema.AddOpaque(cursor.Advance().Value);
        }
    }

    private static void SkipIfNotExists(SqlTokenCursor cursor)
    {
        if (cursor.Current.IsWord("if") && cursor.Peek(1).IsWord("not") && cursor.Peek(2).IsWord("exists"))
            cursor.Position += 3;
    }

    private static string Unqualified(string name)
    {
        int dot = name.LastIndexOf('.');
        return dot < 0 ? name : name.Substring(dot + 1);
    }

    /// <summary>Reads ( name, name, ... ); returns null when the list holds anything but plain names.</summary>
    private static List<string>? ReadNameList(SqlTokenCursor cursor)
    {
        if (!cursor.TryKind(SqlTokenKind.OpenParen))
            return null;
        var names = new List<string>();
        while (cursor.Current.IsName)
        {
            names.Add(cursor.Advance().Value);
            if (!cursor.TryKind(SqlTokenKind.Comma))
                break;
        }
        return cursor.TryKind(SqlTokenKind.CloseParen) && names.Count > 0 ? names : null;
    }
}
