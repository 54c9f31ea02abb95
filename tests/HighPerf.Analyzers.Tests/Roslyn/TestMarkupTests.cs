using HighPerf.Testing.Roslyn;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace HighPerf.Analyzers.Tests.Roslyn;

public class TestMarkupTests
{
    [Fact]
    public void PlainAndIdSpans_AreRemovedAndRecorded()
    {
        var (source, spans) = TestMarkup.Parse("a [|bc|] d {|HP1001:ef|} g");

        Assert.Equal("a bc d ef g", source);
        Assert.Equal([new ExpectedSpan(null, new TextSpan(2, 2)), new ExpectedSpan("HP1001", new TextSpan(7, 2))], spans);
    }

    [Fact]
    public void NestedSpans_AreBothRecorded()
    {
        var (source, spans) = TestMarkup.Parse("{|HP1007:x + [|y|]|}");

        Assert.Equal("x + y", source);
        Assert.Equal([new ExpectedSpan("HP1007", new TextSpan(0, 5)), new ExpectedSpan(null, new TextSpan(4, 1))], spans);
    }

    [Fact]
    public void BracesThatAreNotMarkup_StayInTheSource()
    {
        var (source, spans) = TestMarkup.Parse("var s = $\"{x}\"; if (a || b) { }");

        Assert.Equal("var s = $\"{x}\"; if (a || b) { }", source);
        Assert.Empty(spans);
    }

    [Fact]
    public void UnclosedSpan_Throws() =>
        Assert.Throws<ArgumentException>(() => TestMarkup.Parse("a [|b"));
}
