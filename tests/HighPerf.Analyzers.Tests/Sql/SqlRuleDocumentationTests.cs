using System.Reflection;
using HighPerf.Analyzers.Sql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql;

/// <summary>Every HP1xxx id has its docs/diagnostics page and a line in AnalyzerReleases.Unshipped.md.</summary>
public sealed class SqlRuleDocumentationTests
{
    public static IEnumerable<object[]> RuleIds() =>
        typeof(SqlRuleIds).GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Select(f => new object[] { (string)f.GetRawConstantValue()! });

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_doc_page_with_examples_and_a_release_line(string id)
    {
        string root = RepositoryRoot();
        string page = Path.Combine(root, "docs", "diagnostics", id + ".md");
        string releases = File.ReadAllText(Path.Combine(root, "analyzers", "HighPerf.Analyzers", "AnalyzerReleases.Unshipped.md"));

        Assert.True(File.Exists(page), $"{page} is missing");
        string text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ":", text);
        Assert.Contains("## Bad", text);
        Assert.Contains("## Good", text);
        Assert.Contains("dotnet_diagnostic." + id + ".severity", text);
        Assert.Contains(id + " | HighPerf.Sql |", releases);
    }

    [Fact]
    public void All_eleven_sql_rule_ids_are_declared()
    {
        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"HP10{i:D2}"), RuleIds().Select(r => (string)r[0]).Order());
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HighPerf.Generators.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("Repository root (HighPerf.Generators.sln) not found above " + AppContext.BaseDirectory);
    }
}
