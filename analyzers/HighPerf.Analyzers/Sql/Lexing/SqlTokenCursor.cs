using System.Collections.Generic;

namespace HighPerf.Analyzers.Sql.Lexing;

/// <summary>
/// Forward reader over a token list that ends with <see cref="SqlTokenKind.EndOfInput"/>; reading past the end
/// keeps returning that token, so callers never index out of range.
/// </summary>
internal sealed class SqlTokenCursor
{
    private readonly List<SqlToken> _tokens;
    private readonly int _end;

    internal SqlTokenCursor(List<SqlToken> tokens)
        : this(tokens, 0, tokens.Count - 1)
    {
    }

    /// <summary>A cursor over tokens [start, end); <paramref name="end"/> acts as the end of input.</summary>
    internal SqlTokenCursor(List<SqlToken> tokens, int start, int end)
    {
        _tokens = tokens;
        Position = start;
        _end = end;
    }

    internal int Position { get; set; }

    internal List<SqlToken> Tokens => _tokens;

    internal int End => _end;

    internal SqlToken Current => Peek(0);

    internal bool AtEnd => Position >= _end;

    internal SqlToken Peek(int ahead)
    {
        int at = Position + ahead;
        if (at >= _end)
            return new SqlToken(SqlTokenKind.EndOfInput, "", _tokens[_end].Start, 0);
        return _tokens[at];
    }

    internal SqlToken Advance()
    {
        var token = Current;
        if (Position < _end)
            Position++;
        return token;
    }

    internal bool TryWord(string keyword)
    {
        if (!Current.IsWord(keyword))
            return false;
        Position++;
        return true;
    }

    internal bool TryWords(string first, string second)
    {
        if (!Current.IsWord(first) || !Peek(1).IsWord(second))
            return false;
        Position += 2;
        return true;
    }

    internal bool TryKind(SqlTokenKind kind)
    {
        if (Current.Kind != kind || AtEnd)
            return false;
        Position++;
        return true;
    }

    internal bool TryOperator(string op)
    {
        if (!Current.IsOperator(op))
            return false;
        Position++;
        return true;
    }

    /// <summary>Skips a balanced parenthesized or bracketed group starting at the current token.</summary>
    internal void SkipGroup()
    {
        int depth = 0;
        do
        {
            var kind = Current.Kind;
            if (kind is SqlTokenKind.OpenParen or SqlTokenKind.OpenBracket)
                depth++;
            else if (kind is SqlTokenKind.CloseParen or SqlTokenKind.CloseBracket)
                depth--;
            Advance();
        }
        while (depth > 0 && !AtEnd);
    }

    /// <summary>Index of the token that closes the group opened at <paramref name="open"/>, or End when unbalanced.</summary>
    internal int FindClose(int open)
    {
        int depth = 0;
        for (int i = open; i < _end; i++)
        {
            var kind = _tokens[i].Kind;
            if (kind is SqlTokenKind.OpenParen or SqlTokenKind.OpenBracket)
                depth++;
            else if (kind is SqlTokenKind.CloseParen or SqlTokenKind.CloseBracket)
            {
                depth--;
                if (depth == 0)
                    return i;
            }
        }
        return _end;
    }
}
