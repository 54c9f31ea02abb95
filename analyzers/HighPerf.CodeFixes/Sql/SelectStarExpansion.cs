using System;
using System.Collections.Generic;
using System.Text;
using HighPerf.Analyzers.Sql;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.CodeFixes.Sql;

/// <summary>
/// Computes the column list that replaces <c>*</c> or <c>alias.*</c> in a SELECT, from the FROM clause of the
/// same query level and the schema. Returns false whenever a source is not a plain table the schema knows
/// (a subquery, a function, an unknown name), so the fix never guesses.
/// </summary>
internal static class SelectStarExpansion
{
    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal)
    {
        "where", "group", "having", "window", "order", "limit", "offset", "fetch", "for", "union", "intersect",
        "except", "returning", "on", "using", "join", "inner", "left", "right", "full", "cross", "natural", "outer",
        "lateral", "tablesample",
    };

    // Column names that must be quoted to be read back as the same identifier.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "all", "and", "any", "as", "asc", "case", "check", "collate", "column", "constraint", "create", "default",
        "desc", "distinct", "do", "else", "end", "false", "foreign", "from", "grant", "group", "in", "into", "limit",
        "not", "null", "offset", "on", "or", "order", "primary", "references", "select", "table", "then", "to",
        "true", "union", "unique", "user", "using", "when", "where", "with",
    };

    private readonly record struct TableSource(string Table, string? Alias);

    /// <param name="start">SQL offset where the star (or its qualifier) starts; the result replaces [start, start + length).</param>
    public static bool TryExpand(string sql, int offset, SqlSchema schema, out int start, out int length, out string columns)
    {
        start = length = 0;
        columns = string.Empty;
        var tokens = SqlTokenizer.Tokenize(sql);
        var at = tokens.FindIndex(t => t.Start == offset);
        if (at < 0 || !schema.IsKnown)
        {
            return false;
        }

        string? qualifier = null;
        var star = at;
        if (tokens[at].IsName && tokens[at + 1].Kind == SqlTokenKind.Dot && tokens[at + 2].IsOperator("*"))
        {
            qualifier = tokens[at].Value;
            star = at + 2;
        }
        else if (!tokens[at].IsOperator("*"))
        {
            return false;
        }
        else if (at >= 2 && tokens[at - 1].Kind == SqlTokenKind.Dot && tokens[at - 2].IsName)
        {
            // Only the star itself is replaced: the qualifier stays and serves as the first column's prefix.
            qualifier = tokens[at - 2].Value;
        }

        if (FindFrom(tokens, star) is not { } from || ReadSources(tokens, from + 1) is not { Count: > 0 } sources)
        {
            return false;
        }

        var selected = qualifier is null ? sources : sources.FindAll(s => (s.Alias ?? LastPart(s.Table)) == qualifier);
        if (selected.Count == 0)
        {
            return false;
        }

        var builder = new StringBuilder();
        foreach (var source in selected)
        {
            if (!schema.TryGetTable(source.Table, out var table) || table.Columns.Count == 0)
            {
                return false;
            }

            var prefix = qualifier is not null || sources.Count > 1 ? Quote(source.Alias ?? LastPart(source.Table)) + "." : string.Empty;
            foreach (var column in table.Columns)
            {
                builder.Append(builder.Length == 0 ? string.Empty : ", ").Append(prefix).Append(Quote(column.Name));
            }
        }

        start = tokens[at].Start;
        length = tokens[star].End - start;
        columns = builder.ToString();
        if (at == star && qualifier is not null)
        {
            columns = columns.Substring(columns.IndexOf('.') + 1);
        }

        return true;
    }

    /// <summary>The FROM of the query level the star belongs to: the next one at the same parenthesis depth.</summary>
    private static int? FindFrom(List<SqlToken> tokens, int star)
    {
        var depth = 0;
        for (var i = star + 1; i < tokens.Count; i++)
        {
            switch (tokens[i].Kind)
            {
                case SqlTokenKind.OpenParen:
                    depth++;
                    break;
                case SqlTokenKind.CloseParen when --depth < 0:
                    return null;
                case SqlTokenKind.Semicolon or SqlTokenKind.EndOfInput:
                    return null;
                case SqlTokenKind.Word when depth == 0 && tokens[i].Value == "from":
                    return i;
            }
        }

        return null;
    }

    private static List<TableSource>? ReadSources(List<SqlToken> tokens, int position)
    {
        var cursor = new SqlTokenCursor(tokens, position, tokens.Count - 1);
        var sources = new List<TableSource>();
        while (true)
        {
            if ((cursor.Current.Kind == SqlTokenKind.Word && ClauseWords.Contains(cursor.Current.Value)) || SqlNames.ReadQualifiedName(cursor) is not { } table)
            {
                return null;
            }

            if (cursor.Current.Kind == SqlTokenKind.OpenParen)
            {
                return null;
            }

            cursor.TryWord("as");
            string? alias = null;
            if (cursor.Current.IsName && !(cursor.Current.Kind == SqlTokenKind.Word && ClauseWords.Contains(cursor.Current.Value)))
            {
                alias = cursor.Advance().Value;
            }

            sources.Add(new TableSource(table, alias));
            if (!SkipToNextSource(cursor))
            {
                return sources;
            }
        }
    }

    /// <summary>Skips a join condition and join keywords; false when the FROM clause ends instead.</summary>
    private static bool SkipToNextSource(SqlTokenCursor cursor)
    {
        var depth = 0;
        while (!cursor.AtEnd)
        {
            var token = cursor.Current;
            if (token.Kind == SqlTokenKind.OpenParen)
            {
                depth++;
            }
            else if (token.Kind == SqlTokenKind.CloseParen && --depth < 0)
            {
                return false;
            }
            else if (depth == 0 && token.Kind == SqlTokenKind.Comma)
            {
                cursor.Advance();
                return true;
            }
            else if (depth == 0 && token.IsWord("join"))
            {
                cursor.Advance();
                return true;
            }
            else if (depth == 0 && (token.Kind == SqlTokenKind.Semicolon || (token.Kind == SqlTokenKind.Word && IsClauseEnd(token.Value))))
            {
                return false;
            }

            cursor.Advance();
        }

        return false;
    }

    private static bool IsClauseEnd(string word) =>
        word is "where" or "group" or "having" or "window" or "order" or "limit" or "offset" or "fetch" or "for"
            or "union" or "intersect" or "except" or "returning";

    private static string LastPart(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? name : name.Substring(dot + 1);
    }

    private static string Quote(string name)
    {
        var plain = name.Length > 0 && (char.IsLower(name[0]) || name[0] == '_') && !ReservedWords.Contains(name);
        for (var i = 1; plain && i < name.Length; i++)
        {
            plain = char.IsLower(name[i]) || char.IsDigit(name[i]) || name[i] == '_' || name[i] == '$';
        }

        return plain ? name : "\"" + name.Replace("\"", "\"\"") + "\"";
    }
}
