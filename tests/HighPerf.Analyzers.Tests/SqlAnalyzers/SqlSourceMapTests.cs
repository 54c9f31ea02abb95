using HighPerf.Analyzers.SqlAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace HighPerf.Analyzers.Tests.SqlAnalyzers;

public class SqlSourceMapTests
{
    private static readonly SyntaxTree Tree = CSharpSyntaxTree.ParseText("class C { string a = \"abc\"; string b = X; }");
    private static readonly SyntaxTree OtherTree = CSharpSyntaxTree.ParseText("class D { }");

    [Fact]
    public void RangeInsideOneLiteral_MapsCharacterByCharacter()
    {
        var map = new SqlSourceMap();
        map.Add(0, 3, Tree, [22, 23, 24, 25], new TextSpan(21, 5));

        var location = map.Map(1, 2, Location.Create(Tree, new TextSpan(0, 1)));

        Assert.Equal(TextSpan.FromBounds(23, 25), location.SourceSpan);
    }

    [Fact]
    public void RangeAcrossLiteralAndConstant_SpansBothSources()
    {
        var map = new SqlSourceMap();
        map.Add(0, 3, Tree, [22, 23, 24, 25], new TextSpan(21, 5));
        map.Add(3, 4, Tree, null, new TextSpan(39, 1));

        var location = map.Map(2, 3, Location.Create(Tree, new TextSpan(0, 1)));

        Assert.Equal(TextSpan.FromBounds(24, 40), location.SourceSpan);
    }

    [Fact]
    public void RangeInAnotherSyntaxTree_FallsBackToTheArgument()
    {
        var map = new SqlSourceMap();
        map.Add(0, 3, OtherTree, null, new TextSpan(0, 5));
        var fallback = Location.Create(Tree, new TextSpan(39, 1));

        Assert.Same(fallback, map.Map(0, 1, fallback));
    }

    [Fact]
    public void OffsetAtTheEnd_MapsToTheEndOfTheLastPiece()
    {
        var map = new SqlSourceMap();
        map.Add(0, 3, Tree, [22, 23, 24, 25], new TextSpan(21, 5));

        Assert.Equal(new TextSpan(25, 0), map.Map(3, 0, Location.Create(Tree, new TextSpan(0, 1))).SourceSpan);
    }

    [Fact]
    public void NegativeOffset_FallsBack()
    {
        var map = new SqlSourceMap();
        map.Add(0, 3, Tree, [22, 23, 24, 25], new TextSpan(21, 5));
        var fallback = Location.Create(Tree, new TextSpan(0, 1));

        Assert.Same(fallback, map.Map(-1, 1, fallback));
    }
}
