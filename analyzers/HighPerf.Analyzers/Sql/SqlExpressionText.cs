using System.Collections.Generic;
using System.Text;
using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql;

/// <summary>
/// Canonical text of an expression, used to compare an expression index (<c>lower(email)</c>) with the same
/// expression in a query (<c>LOWER(u.Email)</c>): tokens joined by one space, names folded, table qualifiers and
/// redundant outer parentheses removed.
/// </summary>
internal static class SqlExpressionText
{
    internal static string Normalize(List<SqlToken> tokens, int start, int end)
    {
        while (end - start >= 2 && tokens[start].Kind == SqlTokenKind.OpenParen && CloseOf(tokens, start, end) == end - 1)
        {
            start++;
            end--;
        }

        var text = new StringBuilder();
        for (int i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.IsName && i + 2 < end && tokens[i + 1].Kind == SqlTokenKind.Dot && tokens[i + 2].IsName)
            {
                i++;
                continue;
            }
            if (text.Length > 0)
                text.Append(' ');
            text.Append(token.Kind switch
            {
                SqlTokenKind.String => "'" + token.Value.Replace("'", "''") + "'",
                SqlTokenKind.QuotedIdentifier when !IsPlainLowerCase(token.Value) => "\"" + token.Value + "\"",
                _ => token.Value,
            });
        }
        return text.ToString();
    }

    private static int CloseOf(List<SqlToken> tokens, int open, int end)
    {
        int depth = 0;
        for (int i = open; i < end; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.OpenParen)
                depth++;
            else if (tokens[i].Kind == SqlTokenKind.CloseParen && --depth == 0)
                return i;
        }
        return -1;
    }

    private static bool IsPlainLowerCase(string value)
    {
        if (value.Length == 0 || char.IsDigit(value[0]))
            return false;
        foreach (char c in value)
        {
            if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '_'))
                return false;
        }
        return true;
    }
}
