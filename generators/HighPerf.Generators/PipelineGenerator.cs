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
        IncrementalValuesProvider<MethodPlan> trackPerformance = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.TrackPerformanceAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributeContext, cancellationToken) =>
                    MethodPlanParser.Parse(attributeContext, KnownNames.TrackPerformanceAttribute, cancellationToken))
            .Where(static plan => plan is not null)
            .Select(static (plan, _) => plan!)
            .WithTrackingName(TrackingNames.TrackPerformancePlans);

        context.RegisterSourceOutput(trackPerformance, static (output, plan) => Emit(output, plan));
    }

    private static void Emit(SourceProductionContext output, MethodPlan plan) =>
        output.AddSource(plan.Method.HintName, PipelineEmitter.Emit(plan));
}
