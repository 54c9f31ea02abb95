using HighPerf.Analyzers.Usage;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Tests.Usage;

public class ShapeProblemDescriptorsTests
{
    [Fact]
    public void EveryShapeProblemKind_MapsToItsOwnUsageDescriptor()
    {
        var kinds = Enum.GetValues<ShapeProblemKind>();
        var descriptors = kinds.Select(ShapeProblemDescriptors.For).ToList();

        Assert.Equal(kinds.Length, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, d => Assert.Equal("HighPerf.Usage", d.Category));
    }

    [Fact]
    public void UnknownKind_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShapeProblemDescriptors.For((ShapeProblemKind)999));
    }

    [Fact]
    public void Analyzer_SupportsEveryUsageId()
    {
        var ids = new PipelineMethodAnalyzer().SupportedDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal);

        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"HP{i:0000}"), ids);
    }

    [Fact]
    public void Descriptors_HaveTheSeverityTheRuleNeeds()
    {
        var severities = new PipelineMethodAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id, d => d.DefaultSeverity);

        Assert.Equal(DiagnosticSeverity.Warning, severities["HP0011"]);
        Assert.All(severities.Where(pair => pair.Key != "HP0011"), pair => Assert.Equal(DiagnosticSeverity.Error, pair.Value));
    }
}
