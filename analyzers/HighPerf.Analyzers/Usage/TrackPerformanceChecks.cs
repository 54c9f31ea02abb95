using System.Collections.Generic;
using System.Collections.Immutable;
using HighPerf.Analyzers.Diagnostics;
using HighPerf.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HighPerf.Analyzers.Usage;

/// <summary>The [TrackPerformance]-specific checks: a negative threshold (HP0012) and a threshold with no logger (HP0011).</summary>
internal static class TrackPerformanceChecks
{
    private const string SlowThreshold = "SlowThresholdMilliseconds";

    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.SlowThresholdWithoutLogger,
        DiagnosticDescriptors.NegativeSlowThreshold);

    public static void Run(SymbolAnalysisContext context, IMethodSymbol method, INamedTypeSymbol trackPerformance)
    {
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, trackPerformance) ||
                !TryGetThreshold(attribute, out int threshold))
            {
                continue;
            }

            if (threshold < 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.NegativeSlowThreshold, ThresholdLocation(attribute, method, context), threshold));
            }
            else if (threshold > 0 && LoggerLocator.Find(method) is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.SlowThresholdWithoutLogger,
                    ThresholdLocation(attribute, method, context),
                    method.Name,
                    threshold,
                    method.ContainingType.Name,
                    method.IsStatic ? "a static ILogger field or property" : "an ILogger field, property or primary-constructor parameter"));
            }
        }
    }

    private static bool TryGetThreshold(AttributeData attribute, out int threshold)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == SlowThreshold && argument.Value.Value is int value)
            {
                threshold = value;
                return true;
            }
        }

        threshold = 0;
        return false;
    }

    /// <summary>The <c>SlowThresholdMilliseconds = ...</c> argument, or the method when the syntax is not at hand.</summary>
    private static Location ThresholdLocation(AttributeData attribute, IMethodSymbol method, SymbolAnalysisContext context)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is AttributeSyntax { ArgumentList: { } arguments })
        {
            foreach (AttributeArgumentSyntax argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == SlowThreshold)
                {
                    return argument.GetLocation();
                }
            }
        }

        return method.Locations.IsEmpty ? Location.None : method.Locations[0];
    }
}
