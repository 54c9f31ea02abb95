using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>
/// The <c>[InvalidatesCache]</c> rules: each attribute must name a <c>[Cached]</c> method, of the same type or of the
/// given one, whose key parameters this method has (same name and type) and whose key members it can read. Another
/// type's method must also be reachable from here (<see cref="OtherTypeRules"/>).
/// </summary>
internal sealed class InvalidationShape
{
    public List<CacheProblem> Problems { get; } = [];

    /// <summary>The cached method of each valid attribute, in attribute order.</summary>
    public List<InvalidationTarget> Targets { get; } = [];

    public bool CanGenerate => Problems.Count == 0;

    public static InvalidationShape Analyze(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var shape = new InvalidationShape();
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (!TypeNames.Is(attribute.AttributeClass, KnownNames.InvalidatesCacheAttribute))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            Location? where = AttributeArguments.Location(attribute, null, method.Locations.FirstOrDefault(), cancellationToken);
            var arguments = attribute.ConstructorArguments;
            string name = arguments.Length > 0 && arguments[arguments.Length - 1].Value is string s ? s : "";
            if (arguments.Length < 2)
            {
                shape.AnalyzeTarget(method, method.ContainingType, otherType: null, name, where, compilation, cancellationToken);
            }
            else if (OtherTypeRules.TargetType(method, arguments[0], name, where, out INamedTypeSymbol? type) is { } problem)
            {
                shape.Problems.Add(problem);
            }
            else if (IsSameType(type!, method.ContainingType))
            {
                shape.AnalyzeTarget(method, method.ContainingType, otherType: null, name, where, compilation, cancellationToken);
            }
            else if (OtherTypeRules.OpenGeneric(method, type!, name, where) is { } open)
            {
                shape.Problems.Add(open);
            }
            else
            {
                shape.AnalyzeTarget(method, type!, type, name, where, compilation, cancellationToken);
            }
        }

        return shape;
    }

    /// <summary><c>typeof(ThisType)</c>, or <c>typeof(ThisType&lt;&gt;)</c> inside it: the same store as the one-argument form.</summary>
    private static bool IsSameType(INamedTypeSymbol type, INamedTypeSymbol containingType) =>
        SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, containingType.OriginalDefinition) &&
        (type.IsUnboundGenericType || SymbolEqualityComparer.Default.Equals(type, containingType));

    /// <summary>Display of a target method in messages: <c>GetAsync</c> in the same type, else <c>ProductRepository.GetAsync</c>.</summary>
    internal static string Display(INamedTypeSymbol? otherType, string name) =>
        otherType is null ? name : otherType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "." + name;

    private void AnalyzeTarget(
        IMethodSymbol method, INamedTypeSymbol type, INamedTypeSymbol? otherType, string name, Location? where, Compilation compilation, CancellationToken cancellationToken)
    {
        List<IMethodSymbol> candidates = type.GetMembers(name).OfType<IMethodSymbol>().ToList();
        if (candidates.Count == 0)
        {
            Problems.Add(new CacheProblem(CacheProblemKind.InvalidatesUnknownMethod, where, name, type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
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
            string? missing = MissingKeyPart(method, target, otherType is null);
            if (missing is not null)
            {
                firstMissing ??= missing;
                continue;
            }

            if (otherType is not null && OtherTypeRules.Unreachable(method, target, otherType, where, compilation) is { } unreachable)
            {
                Problems.Add(unreachable);
                return;
            }

            Targets.Add(new InvalidationTarget(target, otherType));
            return;
        }

        string display = Display(otherType, name);
        Problems.Add(anyCached
            ? new CacheProblem(CacheProblemKind.InvalidatesWithoutKey, where, method.Name, display, firstMissing!)
            : new CacheProblem(CacheProblemKind.InvalidatesUncachedMethod, where, display));
    }

    /// <summary>What this method cannot supply to the target's key (e.g. <c>'long id'</c>), or null when it has everything.</summary>
    private static string? MissingKeyPart(IMethodSymbol method, CachedShape target, bool sameType)
    {
        foreach (IParameterSymbol keyParameter in target.KeyParameters)
        {
            IParameterSymbol? own = method.Parameters.FirstOrDefault(p => p.Name == keyParameter.Name);
            if (own is null || !SymbolEqualityComparer.Default.Equals(own.Type, keyParameter.Type))
            {
                return $"a parameter '{keyParameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} {keyParameter.Name}'";
            }
        }

        // Another type's instance key members are OtherTypeRules' concern: no parameter can stand in for them.
        foreach (ISymbol member in target.KeyMembers)
        {
            if (sameType && !member.IsStatic && method.IsStatic)
            {
                return $"the instance key member '{member.Name}' (this method is static)";
            }
        }

        return null;
    }
}
