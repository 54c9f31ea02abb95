using System.Collections.Generic;
using System.Collections.Immutable;
using HighPerf.Generators;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HighPerf.Analyzers.Caching;

/// <summary>
/// Reports misuse of [Cached] and [InvalidatesCache] (HP0101-HP0111, HP0114, HP0115) from the same <see cref="CachedShape"/> and
/// <see cref="InvalidationShape"/> rules the generator follows. Method-shape problems (partial, by-ref parameters,
/// implementation signature) are HP0001-HP0010 of the usage analyzer, not repeated here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CachedMethodAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => CacheProblemDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        // A partial method whose implementing part we generated counts as generated code to Roslyn; analyzing
        // generated code is what lets its user-written definition be checked. Only attributed definitions are looked at.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.CachedAttribute) is null)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        // A partial method's attributes are merged onto both parts; the definition part reports for both.
        if (context.Symbol is not IMethodSymbol { PartialDefinitionPart: null } method)
        {
            return;
        }

        var problems = new List<CacheProblem>();
        if (StageAttributes.Find(method, KnownNames.CachedAttribute) is { } cached)
        {
            CachedShape shape = CachedShape.Analyze(method, cached, context.CancellationToken);
            problems.AddRange(shape.Problems);
            if (InvalidateApiClash.Find(shape, context.Compilation, context.CancellationToken) is { } clash)
            {
                problems.Add(clash);
            }
        }

        if (StageAttributes.Find(method, KnownNames.InvalidatesCacheAttribute) is not null)
        {
            InvalidationShape invalidation = InvalidationShape.Analyze(method, context.Compilation, context.CancellationToken);
            problems.AddRange(invalidation.Problems);
        }

        var reported = new HashSet<CacheProblemKind>();
        foreach (CacheProblem problem in problems)
        {
            // [Cached]+[InvalidatesCache] is reported once, by the [Cached] side.
            if (problem.IsReportedByCompiler || (problem.Kind == CacheProblemKind.CachedAndInvalidatesOnOneMethod && !reported.Add(problem.Kind)))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                CacheProblemDescriptors.For(problem.Kind), problem.Location ?? Location.None, problem.Arguments));
        }
    }
}
