namespace HighPerf.Analyzers.Sql.Lexing;

internal enum SqlTokenKind : byte
{
    /// <summary>Unquoted word; <see cref="SqlToken.Value"/> is folded to lower case. Keywords are words too.</summary>
    Word,

    /// <summary>"Quoted" identifier; the value keeps its case, with "" unescaped.</summary>
    QuotedIdentifier,

    /// <summary>'...', E'...', $$...$$ or $tag$...$tag$; the value is the unescaped content.</summary>
    String,

    Number,

    /// <summary>@name, :name or $1; the value is the text as written.</summary>
    Parameter,

    /// <summary>Operator characters (=, &lt;&gt;, ||, ::, *, ...); the value is the text.</summary>
    Operator,

    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Semicolon,
    Dot,

    /// <summary>An unterminated string, identifier or comment, or a character SQL does not use.</summary>
    Invalid,

    EndOfInput,
}
