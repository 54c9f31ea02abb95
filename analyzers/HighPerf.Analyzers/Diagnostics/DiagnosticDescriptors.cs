using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Diagnostics;

/// <summary>
/// The one registry of every diagnostic this package reports. Ids are never reused: a retired id stays
/// here as a comment. Every id has docs/diagnostics/&lt;ID&gt;.md and a line in AnalyzerReleases.*.md
/// (a test checks both).
/// HP0xxx: attribute and generator usage (this file). HP1xxx: SQL (DiagnosticDescriptors.Sql.cs).
/// </summary>
internal static partial class DiagnosticDescriptors
{
    internal const string UsageCategory = "HighPerf.Usage";
    internal const string SqlCategory = "HighPerf.Sql";
    internal const string PerformanceCategory = "HighPerf.Performance";

    internal const string HelpLinkBase = "https://github.com/highperf-generators/highperf-generators/blob/main/docs/diagnostics/";

    /// <summary>Builds a descriptor whose help link is the id's page under docs/diagnostics.</summary>
    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        bool isEnabledByDefault = true) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault, description, HelpLinkBase + id + ".md");
}
