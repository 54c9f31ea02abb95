using HighPerf.Analyzers.Caching;

namespace HighPerf.Analyzers.Tests.Caching;

/// <summary>Every caching rule has its doc page (the help link target) and a release line.</summary>
public sealed class CachingRuleDocsTests
{
    public static TheoryData<string> Ids() => new(new CachedMethodAnalyzer().SupportedDiagnostics.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_HasADocPageWithBadAndGoodExamples_AndAReleaseLine(string id)
    {
        string root = RepositoryRoot();
        string page = Path.Combine(root, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        string text = File.ReadAllText(page);
        Assert.Contains("## Bad", text);
        Assert.Contains("## Good", text);

        string releases = File.ReadAllText(Path.Combine(root, "analyzers", "HighPerf.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains(id + " | HighPerf.Usage |", releases);
    }

    [Fact]
    public void HelpLinks_PointAtTheDocPages()
    {
        Assert.All(new CachedMethodAnalyzer().SupportedDiagnostics, d => Assert.EndsWith("/docs/diagnostics/" + d.Id + ".md", d.HelpLinkUri));
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found from " + AppContext.BaseDirectory);
    }
}
