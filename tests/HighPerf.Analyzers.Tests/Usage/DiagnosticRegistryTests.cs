using System.Reflection;
using HighPerf.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Tests.Usage;

/// <summary>
/// Every descriptor declared in <see cref="DiagnosticDescriptors"/> — HP0xxx, HP1xxx and any added later — has a
/// unique id, a help link to its page, a docs/diagnostics page and a release line that agrees with it.
/// </summary>
public class DiagnosticRegistryTests
{
    public static TheoryData<string> RegisteredIds()
    {
        var data = new TheoryData<string>();
        foreach (DiagnosticDescriptor descriptor in Registered())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void Registry_HasUniqueIds_AndCoversEveryUsageId()
    {
        var ids = Registered().Select(d => d.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Superset(Enumerable.Range(1, 12).Select(i => $"HP{i:0000}").ToHashSet(), ids.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(RegisteredIds))]
    public void EveryRegisteredDescriptor_HasHelpLinkDocsPageAndReleaseLine(string id)
    {
        DiagnosticDescriptor descriptor = Registered().Single(d => d.Id == id);
        string root = RepositoryRoot();

        Assert.Equal(DiagnosticDescriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);

        string page = Path.Combine(root, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"Missing {page}");
        Assert.StartsWith($"# {id}: ", File.ReadAllText(page));

        var releaseLines = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(root, "analyzers", "HighPerf.Analyzers", file)))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && cells[0] == id)
            .ToList();
        string[] release = Assert.Single(releaseLines);
        Assert.Equal(descriptor.Category, release[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), release[2]);
    }

    private static IEnumerable<DiagnosticDescriptor> Registered() =>
        typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HighPerf.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("HighPerf.Generators.sln not found above " + AppContext.BaseDirectory);
    }
}
