using System.Collections.Concurrent;
using System.Collections.Immutable;
using HighPerf.Analyzers.Diagnostics;
using HighPerf.Generators;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HighPerf.Analyzers.Usage;

/// <summary>
/// Reports why a method with a pipeline-stage attribute cannot get a generated body (HP0001-HP0010, from the
/// same <see cref="MethodShape"/> rules the generator uses) and misuse of [TrackPerformance] (HP0011, HP0012).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PipelineMethodAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ShapeProblemDescriptors.All.AddRange(
        TrackPerformanceChecks.Descriptors);

    public override void Initialize(AnalysisContext context)
    {
        // Analyze, but never report, generated code: once our generator has written a method's implementing part,
        // Roslyn treats the partial method as generated and with None would never show it to this analyzer at all.
        // Every diagnostic here points at user code, so nothing is lost by not reporting in generated files.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? stageAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.PipelineStageAttribute);
            if (stageAttribute is null)
            {
                return;
            }

            INamedTypeSymbol? trackPerformance = start.Compilation.GetTypeByMetadataName(KnownNames.TrackPerformanceAttribute);
            var reportedTypeProblems = new ConcurrentDictionary<(ShapeProblemKind, Location), byte>();
            start.RegisterSymbolAction(
                symbolContext => AnalyzeMethod(symbolContext, stageAttribute, trackPerformance, reportedTypeProblems),
                SymbolKind.Method);
        });
    }

    private static void AnalyzeMethod(
        SymbolAnalysisContext context,
        INamedTypeSymbol stageAttribute,
        INamedTypeSymbol? trackPerformance,
        ConcurrentDictionary<(ShapeProblemKind, Location), byte> reportedTypeProblems)
    {
        // A partial method's attributes are merged onto both parts; the definition part reports for both.
        if (context.Symbol is not IMethodSymbol { PartialDefinitionPart: null } method || !HasStageAttribute(method, stageAttribute))
        {
            return;
        }

        MethodShape shape = MethodShape.Analyze(method, context.CancellationToken);
        foreach (ShapeProblem problem in shape.Problems)
        {
            Location location = problem.Location ?? Location.None;
            if (ConsequentialProblems.IsHidden(problem, shape.Problems) ||
                (ShapeProblemDescriptors.IsAboutContainingType(problem.Kind) && !reportedTypeProblems.TryAdd((problem.Kind, location), 0)))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                ShapeProblemDescriptors.For(problem.Kind), location, ShapeProblemDescriptors.Arguments(problem, shape)));
        }

        if (trackPerformance is not null)
        {
            TrackPerformanceChecks.Run(context, method, trackPerformance);
        }
    }

    private static bool HasStageAttribute(IMethodSymbol method, INamedTypeSymbol stageAttribute)
    {
        foreach (AttributeData attribute in method.GetAttributes())
        {
            for (INamedTypeSymbol? type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, stageAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
