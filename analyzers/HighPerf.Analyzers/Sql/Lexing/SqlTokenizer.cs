using System.Collections.Generic;
using System.Text;

namespace HighPerf.Analyzers.Sql.Lexing;

/// <summary>
/// PostgreSQL lexer: comments (-- and nested /* */), standard, E'' and dollar-quoted strings, quoted identifiers,
/// parameters (@p, :p, $1), numbers and operators. Never throws: malformed input yields <see cref="SqlTokenKind.Invalid"/>.
/// </summary>
internal static class SqlTokenizer
{
    private const string OperatorChars = "+-*/<>=~!@#%^&|`?";

    internal static List<SqlToken> Tokenize(string text)
    {
        var tokens = new List<SqlToken>(text.Length / 4 + 4);
        int i = 0;
        while (true)
        {
            i = SkipTrivia(text, i, tokens);
            if (i >= text.Length)
                break;
            var token = Next(text, i);
            tokens.Add(token);
            i = token.End;
        }
        tokens.Add(new SqlToken(SqlTokenKind.EndOfInput, "", text.Length, 0));
        return tokens;
    }

    private static int SkipTrivia(string text, int i, List<SqlToken> tokens)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(text, i + 1) == '-')
            {
                while (i < text.Length && text[i] != '\n')
                    i++;
            }
            else if (c == '/' && At(text, i + 1) == '*')
            {
                int start = i;
                int depth = 0;
                while (i < text.Length)
                {
                    if (text[i] == '/' && At(text, i + 1) == '*') { depth++; i += 2; }
                    else if (text[i] == '*' && At(text, i + 1) == '/') { depth--; i += 2; if (depth == 0) break; }
                    else i++;
                }
                if (depth != 0)
                    tokens.Add(new SqlToken(SqlTokenKind.Invalid, "/*", start, text.Length - start));
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static SqlToken Next(string text, int i)
    {
        char c = text[i];
        switch (c)
        {
            case '(': return new SqlToken(SqlTokenKind.OpenParen, "(", i, 1);
            case ')': return new SqlToken(SqlTokenKind.CloseParen, ")", i, 1);
            case '[': return new SqlToken(SqlTokenKind.OpenBracket, "[", i, 1);
            case ']': return new SqlToken(SqlTokenKind.CloseBracket, "]", i, 1);
            case ',': return new SqlToken(SqlTokenKind.Comma, ",", i, 1);
            case ';': return new SqlToken(SqlTokenKind.Semicolon, ";", i, 1);
            case '\'': return QuotedString(text, i, i + 1, backslashEscapes: false);
            case '"': return QuotedIdentifier(text, i);
            case '$': return Dollar(text, i);
            case ':':
                if (At(text, i + 1) == ':')
                    return new SqlToken(SqlTokenKind.Operator, "::", i, 2);
                if (IsWordStart(At(text, i + 1)))
                    return Parameter(text, i);
                return new SqlToken(SqlTokenKind.Operator, ":", i, 1);
            case '@' when IsWordStart(At(text, i + 1)):
                return Parameter(text, i);
            case '.' when char.IsDigit(At(text, i + 1)):
                return Number(text, i);
            case '.':
                return new SqlToken(SqlTokenKind.Dot, ".", i, 1);
        }

        if (char.IsDigit(c))
            return Number(text, i);
        if ((c is 'e' or 'E') && At(text, i + 1) == '\'')
            return QuotedString(text, i, i + 2, backslashEscapes: true);
        if ((c is 'b' or 'B' or 'x' or 'X' or 'n' or 'N') && At(text, i + 1) == '\'')
            return QuotedString(text, i, i + 2, backslashEscapes: false);
        if (IsWordStart(c))
            return Word(text, i);
        if (OperatorChars.IndexOf(c) >= 0)
            return Operator(text, i);
        return new SqlToken(SqlTokenKind.Invalid, c.ToString(), i, 1);
    }

    private static SqlToken QuotedString(string text, int start, int contentStart, bool backslashEscapes)
    {
        var value = new StringBuilder();
        int i = contentStart;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\'')
            {
                if (At(text, i + 1) == '\'') { value.Append('\''); i += 2; continue; }
                return new SqlToken(SqlTokenKind.String, value.ToString(), start, i + 1 - start);
            }
            if (c == '\\' && backslashEscapes && i + 1 < text.Length)
            {
                value.Append(Unescape(text[i + 1]));
                i += 2;
                continue;
            }
            value.Append(c);
            i++;
        }
        return new SqlToken(SqlTokenKind.Invalid, value.ToString(), start, text.Length - start);
    }

    private static char Unescape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'b' => '\b',
        'f' => '\f',
        _ => c,
    };

    private static SqlToken QuotedIdentifier(string text, int start)
    {
        var value = new StringBuilder();
        int i = start + 1;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                if (At(text, i + 1) == '"') { value.Append('"'); i += 2; continue; }
                return new SqlToken(SqlTokenKind.QuotedIdentifier, value.ToString(), start, i + 1 - start);
            }
            value.Append(text[i]);
            i++;
        }
        return new SqlToken(SqlTokenKind.Invalid, value.ToString(), start, text.Length - start);
    }

    private static SqlToken Dollar(string text, int start)
    {
        int i = start + 1;
        if (char.IsDigit(At(text, i)))
        {
            while (char.IsDigit(At(text, i)))
                i++;
            return new SqlToken(SqlTokenKind.Parameter, text.Substring(start, i - start), start, i - start);
        }

        // $tag$ ... $tag$ where the tag is empty or an identifier without '$'.
        if (IsWordStart(At(text, i)))
        {
            while (IsWordStart(At(text, i)) || char.IsDigit(At(text, i)))
                i++;
        }
        if (At(text, i) != '$')
            return new SqlToken(SqlTokenKind.Invalid, "$", start, 1);
        string delimiter = text.Substring(start, i + 1 - start);
        int contentStart = i + 1;
        int close = text.IndexOf(delimiter, contentStart, System.StringComparison.Ordinal);
        if (close < 0)
            return new SqlToken(SqlTokenKind.Invalid, delimiter, start, text.Length - start);
        return new SqlToken(SqlTokenKind.String, text.Substring(contentStart, close - contentStart), start, close + delimiter.Length - start);
    }

    private static SqlToken Parameter(string text, int start)
    {
        int i = start + 1;
        while (IsWordPart(At(text, i)))
            i++;
        return new SqlToken(SqlTokenKind.Parameter, text.Substring(start, i - start), start, i - start);
    }

    private static SqlToken Number(string text, int start)
    {
        int i = start;
        while (char.IsDigit(At(text, i)) || At(text, i) == '_')
            i++;
        if (At(text, i) == '.' && At(text, i + 1) != '.')
        {
            i++;
            while (char.IsDigit(At(text, i)))
                i++;
        }
        if ((At(text, i) is 'e' or 'E') && (char.IsDigit(At(text, i + 1)) || ((At(text, i + 1) is '+' or '-') && char.IsDigit(At(text, i + 2)))))
        {
            i += 2;
            while (char.IsDigit(At(text, i)))
                i++;
        }
        return new SqlToken(SqlTokenKind.Number, text.Substring(start, i - start), start, i - start);
    }

    private static SqlToken Word(string text, int start)
    {
        int i = start + 1;
        while (IsWordPart(At(text, i)))
            i++;
        return new SqlToken(SqlTokenKind.Word, text.Substring(start, i - start).ToLowerInvariant(), start, i - start);
    }

    // PostgreSQL: a multi-character operator cannot end in + or - unless it also contains one of ~ ! @ # % ^ & | ` ?
    // (so "=-1" is "=" then "-1"), and "--" or "/*" inside an operator starts a comment.
    private static SqlToken Operator(string text, int start)
    {
        int i = start;
        while (i < text.Length && OperatorChars.IndexOf(text[i]) >= 0)
        {
            if (i > start && ((text[i] == '-' && text[i - 1] == '-') || (text[i] == '*' && text[i - 1] == '/')))
            {
                i--;
                break;
            }
            i++;
        }
        int length = i - start;
        if (length > 1 && text.IndexOfAny("~!@#%^&|`?".ToCharArray(), start, length) < 0)
        {
            while (length > 1 && text[start + length - 1] is '+' or '-')
                length--;
        }
        return new SqlToken(SqlTokenKind.Operator, text.Substring(start, length), start, length);
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';
}
