using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>
/// The <c>[InvalidatesCache]</c> rules: each attribute must name a <c>[Cached]</c> method of the same type whose key
/// parameters this method has (same name and type), and whose key members it can read.
/// </summary>
internal sealed class InvalidationShape
{
    public List<CacheProblem> Problems { get; } = [];

    /// <summary>The cached method of each valid attribute, in attribute order.</summary>
    public List<CachedShape> Targets { get; } = [];

    public bool CanGenerate => Problems.Count == 0;

    public static InvalidationShape Analyze(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var shape = new InvalidationShape();
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (!TypeNames.Is(attribute.AttributeClass, KnownNames.InvalidatesCacheAttribute))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            string name = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string s ? s : "";
            Location? where = AttributeArguments.Location(attribute, null, method.Locations.FirstOrDefault(), cancellationToken);
            shape.AnalyzeTarget(method, name, where, cancellationToken);
        }

        return shape;
    }

    private void AnalyzeTarget(IMethodSymbol method, string name, Location? where, CancellationToken cancellationToken)
    {
        List<IMethodSymbol> candidates = method.ContainingType.GetMembers(name).OfType<IMethodSymbol>().ToList();
        if (candidates.Count == 0)
        {
            Problems.Add(new CacheProblem(CacheProblemKind.InvalidatesUnknownMethod, where, name, method.ContainingType.Name));
            return;
        }

        string? firstMissing = null;
        bool anyCached = false;
        foreach (IMethodSymbol candidate in candidates)
        {
            if (StageAttributes.Find(candidate, KnownNames.CachedAttribute) is not { } cached)
            {
                continue;
            }

            anyCached = true;
            CachedShape target = CachedShape.Analyze(candidate, cached, cancellationToken);
            string? missing = MissingKeyPart(method, target);
            if (missing is null)
            {
                Targets.Add(target);
                return;
            }

            firstMissing ??= missing;
        }

        Problems.Add(anyCached
            ? new CacheProblem(CacheProblemKind.InvalidatesWithoutKey, where, method.Name, name, firstMissing!)
            : new CacheProblem(CacheProblemKind.InvalidatesUncachedMethod, where, name));
    }

    /// <summary>What this method cannot supply to the target's key (e.g. <c>'long id'</c>), or null when it has everything.</summary>
    private static string? MissingKeyPart(IMethodSymbol method, CachedShape target)
    {
        foreach (IParameterSymbol keyParameter in target.KeyParameters)
        {
            IParameterSymbol? own = method.Parameters.FirstOrDefault(p => p.Name == keyParameter.Name);
            if (own is null || !SymbolEqualityComparer.Default.Equals(own.Type, keyParameter.Type))
            {
                return $"a parameter '{keyParameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} {keyParameter.Name}'";
            }
        }

        foreach (ISymbol member in target.KeyMembers)
        {
            if (!member.IsStatic && method.IsStatic)
            {
                return $"the instance key member '{member.Name}' (this method is static)";
            }
        }

        return null;
    }
}
