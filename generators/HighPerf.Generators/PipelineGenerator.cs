using HighPerf.Generators.Emit;
using HighPerf.Generators.Model;
using HighPerf.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.Generators;

/// <summary>
/// Writes the bodies of partial methods marked with pipeline-stage attributes. There is one
/// <c>ForAttributeWithMetadataName</c> pipeline per attribute; each builds the whole <see cref="MethodPlan"/>,
/// and only the pipeline of the method's outermost stage emits it, so every method is written once.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PipelineGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Re-read on every compilation, but it yields an equatable value: unchanged, it leaves every plan cached.
        IncrementalValueProvider<JsonContextModel> assemblyJsonContext = context.CompilationProvider
            .Select(static (compilation, _) => AssemblyJsonContextParser.Parse(compilation))
            .WithTrackingName(TrackingNames.AssemblyCacheJsonContext);

        context.RegisterSourceOutput(
            Plans(context, assemblyJsonContext, KnownNames.TrackPerformanceAttribute, TrackingNames.TrackPerformancePlans),
            static (output, plan) => Emit(output, plan));
        context.RegisterSourceOutput(
            Plans(context, assemblyJsonContext, KnownNames.CachedAttribute, TrackingNames.CachedPlans),
            static (output, plan) => Emit(output, plan));
        context.RegisterSourceOutput(
            Plans(context, assemblyJsonContext, KnownNames.InvalidatesCacheAttribute, TrackingNames.InvalidatesCachePlans),
            static (output, plan) => Emit(output, plan));
    }

    /// <summary>The plans of the methods whose outermost stage is <paramref name="stageAttribute"/>.</summary>
    private static IncrementalValuesProvider<MethodPlan> Plans(
        IncrementalGeneratorInitializationContext context, IncrementalValueProvider<JsonContextModel> assemblyJsonContext,
        string stageAttribute, string trackingName) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                stageAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                (attributeContext, cancellationToken) => MethodPlanParser.Parse(attributeContext, stageAttribute, cancellationToken))
            .Where(static plan => plan is not null)
            .Select(static (plan, _) => plan!)
            .WithTrackingName(trackingName)
            .Combine(assemblyJsonContext)
            .Select(static (pair, _) => AssemblyJsonContextParser.Apply(pair.Left, pair.Right))
            .Where(static plan => plan is not null)
            .Select(static (plan, _) => plan!);

    private static void Emit(SourceProductionContext output, MethodPlan plan) =>
        output.AddSource(plan.Method.HintName, PipelineEmitter.Emit(plan));
}
