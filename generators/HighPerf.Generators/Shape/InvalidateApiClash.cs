using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>
/// Whether the generated <c>Invalidate&lt;Method&gt;(key..., CancellationToken)</c> of a <c>[Cached]</c> method would not
/// compile (CS0102, CS0111) or would hide an inherited member (CS0108). It then is left out (HP0114) and the cache works
/// without it. Generated members are never counted: the generator does not see them and the analyzer must agree with it,
/// so other <c>[Cached]</c> methods count through the API they would get.
/// </summary>
internal static class InvalidateApiClash
{
    public static CacheProblem? Find(CachedShape shape, Compilation compilation, CancellationToken cancellationToken)
    {
        IMethodSymbol method = shape.Method;
        string name = "Invalidate" + method.Name;
        if (compilation.GetTypeByMetadataName(KnownNames.CancellationToken) is not { } cancellationTokenType)
        {
            return null;
        }

        List<ITypeSymbol> signature = shape.KeyParameters.Select(p => p.Type).ToList();
        signature.Add(cancellationTokenType);
        string api = $"{name}({string.Join(", ", signature.Select(t => t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)))})";

        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.BaseType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool inherited = !SymbolEqualityComparer.Default.Equals(type, method.ContainingType);
            foreach (ISymbol member in type.GetMembers(name))
            {
                if (IsGeneratedByUs(member) || (inherited && !compilation.IsSymbolAccessibleWithin(member, method.ContainingType)))
                {
                    continue;
                }

                if (member is not IMethodSymbol other)
                {
                    return Clash(shape, api, $"the {Kind(member)} '{Display(member)}', which has that name", "rename or remove that member, or rename the cached method", cancellationToken);
                }

                if (SameSignature(other, signature))
                {
                    return Clash(shape, api, $"the method '{Display(other)}', which has that signature", "rename or remove that method, or rename the cached method", cancellationToken);
                }
            }

            // Other [Cached] overloads, here or inherited, get an Invalidate API of the same name: a clash when their keys have the same types.
            foreach (IMethodSymbol other in type.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                if (!SymbolEqualityComparer.Default.Equals(other.OriginalDefinition, method.OriginalDefinition) &&
                    StageAttributes.Find(other, KnownNames.CachedAttribute) is not null &&
                    (!inherited || compilation.IsSymbolAccessibleWithin(other, method.ContainingType)) &&
                    KeyTypesEqual(other, signature))
                {
                    return Clash(shape, api, $"the Invalidate API of the [Cached] overload '{Display(other)}', whose key has the same types",
                        "mark a parameter [NotCacheKey] or give the overloads different names", cancellationToken);
                }
            }
        }

        return null;
    }

    private static bool SameSignature(IMethodSymbol other, List<ITypeSymbol> signature) =>
        !other.IsGenericMethod &&
        other.Parameters.Length == signature.Count &&
        other.Parameters.Select((p, i) => p.RefKind == RefKind.None && SymbolEqualityComparer.Default.Equals(p.Type, signature[i])).All(same => same);

    private static bool KeyTypesEqual(IMethodSymbol other, List<ITypeSymbol> signature)
    {
        var keyTypes = other.Parameters.Where(CachedShape.IsKeyParameter).Select(p => p.Type).ToList();
        return keyTypes.Count == signature.Count - 1 && keyTypes.Select((t, i) => SymbolEqualityComparer.Default.Equals(t, signature[i])).All(same => same);
    }

    /// <summary>Our generated members: in generated trees of this compilation, or marked in a referenced assembly.</summary>
    private static bool IsGeneratedByUs(ISymbol member)
    {
        if (!member.DeclaringSyntaxReferences.IsEmpty)
        {
            return member.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.Contains(GeneratedCodeMarker.GeneratorPathSegment));
        }

        return member.GetAttributes().Any(a =>
            TypeNames.Is(a.AttributeClass, "System.CodeDom.Compiler.GeneratedCodeAttribute") &&
            a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is "HighPerf.Generators");
    }

    private static CacheProblem Clash(CachedShape shape, string api, string member, string resolution, CancellationToken cancellationToken) =>
        new(CacheProblemKind.InvalidateApiClash,
            AttributeArguments.Location(shape.Attribute, null, shape.Method.Locations.FirstOrDefault(), cancellationToken),
            api, member, resolution);

    private static string Display(ISymbol member) => member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

    private static string Kind(ISymbol member) => member switch
    {
        IFieldSymbol => "field",
        IPropertySymbol => "property",
        IEventSymbol => "event",
        INamedTypeSymbol => "nested type",
        _ => "member",
    };
}
