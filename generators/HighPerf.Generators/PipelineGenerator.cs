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
        context.RegisterSourceOutput(
            Plans(context, KnownNames.TrackPerformanceAttribute, TrackingNames.TrackPerformancePlans),
            static (output, plan) => Emit(output, plan));
        context.RegisterSourceOutput(
            Plans(context, KnownNames.CachedAttribute, TrackingNames.CachedPlans),
            static (output, plan) => Emit(output, plan));
        context.RegisterSourceOutput(
            Plans(context, KnownNames.InvalidatesCacheAttribute, TrackingNames.InvalidatesCachePlans),
            static (output, plan) => Emit(output, plan));
    }

    /// <summary>The plans of the methods whose outermost stage is <paramref name="stageAttribute"/>.</summary>
    private static IncrementalValuesProvider<MethodPlan> Plans(
        IncrementalGeneratorInitializationContext context, string stageAttribute, string trackingName) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                stageAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                (attributeContext, cancellationToken) => MethodPlanParser.Parse(attributeContext, stageAttribute, cancellationToken))
            .Where(static plan => plan is not null)
            .Select(static (plan, _) => plan!)
            .WithTrackingName(trackingName);

    private static void Emit(SourceProductionContext output, MethodPlan plan) =>
        output.AddSource(plan.Method.HintName, PipelineEmitter.Emit(plan));
}
