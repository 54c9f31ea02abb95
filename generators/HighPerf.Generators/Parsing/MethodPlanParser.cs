using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HighPerf.Generators.Model;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.Generators.Parsing;

/// <summary>
/// The first step of every stage pipeline: from the attributed method to a <see cref="MethodPlan"/> holding
/// every stage present. Returns null (emit nothing) when this stage is not the outermost one, or the method
/// has a problem the analyzers report (or a syntax error the compiler reports). Never throws on bad input.
/// </summary>
internal static class MethodPlanParser
{
    public static MethodPlan? Parse(GeneratorAttributeSyntaxContext context, string stageAttribute, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method ||
            context.TargetNode is not MethodDeclarationSyntax declaration ||
            declaration.ContainsDiagnostics ||
            !StageAttributes.IsOutermost(method, stageAttribute))
        {
            return null;
        }

        MethodShape shape = MethodShape.Analyze(method, cancellationToken);
        if (!shape.CanGenerate)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();

        TrackPerformanceModel? trackPerformance = null;
        if (StageAttributes.Find(method, KnownNames.TrackPerformanceAttribute) is { } trackAttribute)
        {
            int threshold = NamedInt(trackAttribute, "SlowThresholdMilliseconds");
            if (threshold < 0)
            {
                return null;
            }

            // The logger is only reached for when slow calls are to be logged.
            trackPerformance = new TrackPerformanceModel(threshold, threshold > 0 ? LoggerLocator.Find(method) : null);
        }

        CachedModel? cached = null;
        if (StageAttributes.Find(method, KnownNames.CachedAttribute) is { } cachedAttribute)
        {
            CachedShape cachedShape = CachedShape.Analyze(method, cachedAttribute, cancellationToken);
            if (!cachedShape.CanGenerate)
            {
                return null;
            }

            bool hasInvalidateApi = InvalidateApiClash.Find(cachedShape, context.SemanticModel.Compilation, cancellationToken) is null;
            cached = CachedModelParser.Parse(cachedShape, shape, shape.ReturnKind, hasInvalidateApi);
            if (cached is null)
            {
                return null;
            }
        }

        EquatableArray<InvalidationTargetModel> invalidations = EquatableArray<InvalidationTargetModel>.Empty;
        if (StageAttributes.Find(method, KnownNames.InvalidatesCacheAttribute) is not null)
        {
            InvalidationShape invalidation = InvalidationShape.Analyze(method, context.SemanticModel.Compilation, cancellationToken);
            if (!invalidation.CanGenerate || !invalidation.Targets.TrueForAll(target => IsGenerated(target, cancellationToken)))
            {
                return null;
            }

            invalidations = InvalidationModelParser.Parse(invalidation);
        }

        return new MethodPlan(MethodModelParser.Parse(shape, declaration), trackPerformance, cached, invalidations);
    }

    /// <summary>
    /// The target's key type, cache field and accessor exist only when the generator writes the target: otherwise its
    /// own diagnostics explain why, and this method is left alone too rather than failing to compile. A target from a
    /// referenced assembly is compiled already; InvalidationShape checked that its accessor is there.
    /// </summary>
    private static bool IsGenerated(InvalidationTarget target, CancellationToken cancellationToken)
    {
        if (target.IsFromMetadata)
        {
            return true;
        }

        IMethodSymbol definition = target.Definition;
        return (target.OtherType is null ? target.Cached : CachedShape.Analyze(definition, target.Cached.Attribute, cancellationToken)).CanGenerate &&
            !(StageAttributes.Find(definition, KnownNames.TrackPerformanceAttribute) is { } track && NamedInt(track, "SlowThresholdMilliseconds") < 0) &&
            !definition.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken).ContainsDiagnostics) &&
            MethodShape.Analyze(definition, cancellationToken).CanGenerate;
    }

    private static int NamedInt(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value)
            {
                return value;
            }
        }

        return 0;
    }
}
