using System.Collections.Immutable;
using HighPerf.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>The HP1xxx descriptors, by rule id, for turning engine findings into diagnostics.</summary>
internal static class SqlRuleDescriptors
{
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.SqlSelectStar,
        DiagnosticDescriptors.SqlUnindexedColumn,
        DiagnosticDescriptors.SqlLeadingWildcard,
        DiagnosticDescriptors.SqlFunctionOnIndexedColumn,
        DiagnosticDescriptors.SqlMissingWhere,
        DiagnosticDescriptors.SqlQueryInLoop,
        DiagnosticDescriptors.SqlNonConstantText,
        DiagnosticDescriptors.SqlUnknownName,
        DiagnosticDescriptors.SqlUnboundedSelect,
        DiagnosticDescriptors.SqlCartesianJoin,
        DiagnosticDescriptors.SqlOffsetPagination);

    /// <summary>The descriptor of <paramref name="ruleId"/>, or null for an id this package does not declare.</summary>
    public static DiagnosticDescriptor? Find(string ruleId)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Id == ruleId)
            {
                return descriptor;
            }
        }

        return null;
    }
}
