using HighPerf.Analyzers.SqlAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace HighPerf.Analyzers.Tests.SqlAnalyzers;

public class StringLiteralMapperTests
{
    private static (string Source, string Value, int[]? Starts) MapFirstLiteral(string expression)
    {
        var source = "class C { object o = " + expression + "; }";
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var literal = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().First();
        var value = (string)literal.Token.Value!;
        return (source, value, StringLiteralMapper.Map(literal, value));
    }

    [Theory]
    [InlineData("\"SELECT * FROM t\"")]
    [InlineData("@\"SELECT \"\"a\"\"\r\n  FROM t\"")]
    [InlineData("\"\"\"SELECT \"a\" FROM t\"\"\"")]
    [InlineData("\"\"\"\n    SELECT a\n      FROM t\n    \"\"\"")]
    public void LiteralWithoutEscapes_EveryVisibleCharacterMapsToItself(string expression)
    {
        var (source, value, starts) = MapFirstLiteral(expression);

        Assert.NotNull(starts);
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsWhiteSpace(value[i]))
            {
                Assert.Equal(value[i], source[starts![i]]);
            }
        }
    }

    [Fact]
    public void Escapes_MapToTheStartOfTheirSequence()
    {
        var (source, value, starts) = MapFirstLiteral("\"a\\tb\\u0041c\\x0042d\\U0001F600e\\\"\"");

        Assert.Equal("a\tbAcBd\U0001F600e\"", value);
        Assert.Equal('\\', source[starts![1]]);
        Assert.Equal("\\u0041", source.Substring(starts[3], 6));
        Assert.Equal("\\x0042", source.Substring(starts[5], 6));
        Assert.Equal(starts[7], starts[8]);
        Assert.Equal('e', source[starts[9]]);
        Assert.Equal(source.LastIndexOf('"'), starts[^1]);
    }

    [Fact]
    public void InterpolatedText_DoubledBracesCountOnce()
    {
        const string source = "class C { string s = $\"a{{b}}c{X}d\"; const string X = \"\"; }";
        var tree = CSharpSyntaxTree.ParseText(source);
        var text = tree.GetRoot().DescendantNodes().OfType<InterpolatedStringTextSyntax>().First();

        var starts = StringLiteralMapper.Map(text, "a{b}c");

        Assert.NotNull(starts);
        Assert.Equal('c', source[starts![4]]);
        Assert.Equal(text.Span.End, starts[5]);
    }

    [Fact]
    public void ValueThatDoesNotMatchTheSource_IsNotMapped()
    {
        var (_, _, starts) = MapFirstLiteral("\"abc\"");
        var literal = CSharpSyntaxTree.ParseText("class C { object o = \"abc\"; }").GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().First();

        Assert.NotNull(starts);
        Assert.Null(StringLiteralMapper.Map(literal, "abd"));
    }
}
