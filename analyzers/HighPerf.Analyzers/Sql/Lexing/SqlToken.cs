namespace HighPerf.Analyzers.Sql.Lexing;

/// <summary>A token with its position in the source text (comments and whitespace are not tokens).</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Value, int Start, int Length)
{
    internal int End => Start + Length;

    /// <summary>True for an unquoted word equal to <paramref name="keyword"/> (given in lower case).</summary>
    internal bool IsWord(string keyword) => Kind == SqlTokenKind.Word && Value == keyword;

    internal bool IsOperator(string op) => Kind == SqlTokenKind.Operator && Value == op;

    /// <summary>A name: an unquoted word or a quoted identifier.</summary>
    internal bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
}
