using HighPerf.Analyzers.Sql.Lexing;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql;

public sealed class SqlTokenizerTests
{
    private static List<SqlToken> Tokens(string sql) => SqlTokenizer.Tokenize(sql).Where(t => t.Kind != SqlTokenKind.EndOfInput).ToList();

    [Fact]
    public void Comments_are_skipped_including_nested_block_comments()
    {
        var tokens = Tokens("SELECT /* outer /* inner */ still comment */ 1 -- trailing * comment\n, 2");

        Assert.Equal(new[] { "select", "1", ",", "2" }, tokens.Select(t => t.Value));
    }

    [Fact]
    public void Unquoted_words_fold_to_lower_case_and_quoted_identifiers_keep_case_and_unescape()
    {
        var tokens = Tokens("SELECT \"My \"\"Col\"\"\" FROM Orders");

        Assert.Equal(SqlTokenKind.QuotedIdentifier, tokens[1].Kind);
        Assert.Equal("My \"Col\"", tokens[1].Value);
        Assert.Equal("orders", tokens[3].Value);
    }

    [Theory]
    [InlineData("'it''s'", "it's")]
    [InlineData("E'line\\nbreak \\'q\\''", "line\nbreak 'q'")]
    [InlineData("e'tab\\t'", "tab\t")]
    [InlineData("$$ it's ; -- not a comment $$", " it's ; -- not a comment ")]
    [InlineData("$fn$ body $$ nested $$ end $fn$", " body $$ nested $$ end ")]
    public void Strings_are_unescaped(string sql, string expected)
    {
        var token = Assert.Single(Tokens(sql));

        Assert.Equal(SqlTokenKind.String, token.Kind);
        Assert.Equal(expected, token.Value);
        Assert.Equal(sql.Length, token.Length);
    }

    [Fact]
    public void Parameters_of_every_style_are_recognized_and_casts_are_not_parameters()
    {
        var tokens = Tokens("@id + :name + $1 + x::text");

        Assert.Equal(new[] { "@id", ":name", "$1" }, tokens.Where(t => t.Kind == SqlTokenKind.Parameter).Select(t => t.Value));
        Assert.Contains(tokens, t => t.IsOperator("::"));
    }

    [Fact]
    public void Operators_follow_the_postgresql_trailing_sign_rule()
    {
        var tokens = Tokens("a=-1 AND b->>'k' <> c AND d >= 2");

        Assert.Equal(new[] { "=", "-", "->>", "<>", ">=" }, tokens.Where(t => t.Kind == SqlTokenKind.Operator).Select(t => t.Value));
    }

    [Theory]
    [InlineData("1.5e3")]
    [InlineData(".5")]
    [InlineData("42")]
    [InlineData("1_000")]
    public void Numbers_are_single_tokens(string sql)
    {
        var token = Assert.Single(Tokens(sql));

        Assert.Equal(SqlTokenKind.Number, token.Kind);
        Assert.Equal(sql, token.Value);
    }

    [Fact]
    public void Tokens_carry_their_offsets()
    {
        const string sql = "SELECT  id\n  FROM \"T\"";

        var tokens = Tokens(sql);

        Assert.Equal(new[] { "SELECT", "id", "FROM", "\"T\"" }, tokens.Select(t => sql.Substring(t.Start, t.Length)));
    }

    [Theory]
    [InlineData("SELECT 'unterminated")]
    [InlineData("SELECT \"unterminated")]
    [InlineData("SELECT $tag$ unterminated")]
    [InlineData("SELECT /* unterminated")]
    [InlineData("SELECT E'trailing backslash\\")]
    public void Unterminated_input_ends_in_an_invalid_token_instead_of_throwing(string sql)
    {
        var tokens = Tokens(sql);

        Assert.Equal(SqlTokenKind.Invalid, tokens[^1].Kind);
        Assert.Equal(sql.Length, tokens[^1].End);
    }
}
