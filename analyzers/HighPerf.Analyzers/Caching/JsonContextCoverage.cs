using System.Collections.Generic;
using HighPerf.Generators;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Caching;

/// <summary>
/// The types a source-generated <c>JsonSerializerContext</c> has metadata for: the <c>[JsonSerializable]</c> types,
/// then what the System.Text.Json generator reaches from them (members, collection elements, dictionary keys and
/// values, nullable underlying types, <c>[JsonDerivedType]</c> types), walked generously so no false HP0112 is reported.
/// </summary>
/// <remarks>
/// Reference nullability is ignored (<see cref="SymbolEqualityComparer.Default"/>), as the generator ignores it;
/// <c>long?</c> is <c>Nullable&lt;long&gt;</c>, a type of its own that must be listed or reached, as in the generator.
/// </remarks>
internal sealed class JsonContextCoverage
{
    private readonly HashSet<ITypeSymbol> _covered = new(SymbolEqualityComparer.Default);

    private JsonContextCoverage()
    {
    }

    public static JsonContextCoverage Of(INamedTypeSymbol context)
    {
        var coverage = new JsonContextCoverage();
        foreach (AttributeData attribute in context.GetAttributes())
        {
            if (TypeNames.Is(attribute.AttributeClass, KnownNames.JsonSerializableAttribute) &&
                attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is ITypeSymbol listed)
            {
                coverage.Walk(listed);
            }
        }

        return coverage;
    }

    public bool Covers(ITypeSymbol type) => _covered.Contains(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));

    private void Walk(ITypeSymbol root)
    {
        var pending = new Stack<ITypeSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            ITypeSymbol type = pending.Pop().WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            if (type is ITypeParameterSymbol or IErrorTypeSymbol || !_covered.Add(type))
            {
                continue;
            }

            foreach (ITypeSymbol reached in Reachable(type))
            {
                pending.Push(reached);
            }
        }
    }

    private static IEnumerable<ITypeSymbol> Reachable(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            yield return array.ElementType;
            yield break;
        }

        if (type is not INamedTypeSymbol named)
        {
            yield break;
        }

        // Nullable<T>, collections and dictionaries: their type arguments (elements, keys, values).
        foreach (ITypeSymbol argument in named.TypeArguments)
        {
            yield return argument;
        }

        foreach (INamedTypeSymbol implemented in named.AllInterfaces)
        {
            foreach (ITypeSymbol argument in implemented.TypeArguments)
            {
                yield return argument;
            }
        }

        if (named.SpecialType != SpecialType.None || named.TypeKind == TypeKind.Enum)
        {
            yield break;
        }

        foreach (AttributeData attribute in named.GetAttributes())
        {
            if (TypeNames.Is(attribute.AttributeClass, "System.Text.Json.Serialization.JsonDerivedTypeAttribute") &&
                attribute.ConstructorArguments.Length >= 1 && attribute.ConstructorArguments[0].Value is ITypeSymbol derived)
            {
                yield return derived;
            }
        }

        for (INamedTypeSymbol? current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member.IsStatic)
                {
                    continue;
                }

                // Public members, and non-public ones a [JsonInclude] may opt in: counting them costs at most a missed warning.
                if (member is IPropertySymbol { IsIndexer: false } property)
                {
                    yield return property.Type;
                }
                else if (member is IFieldSymbol { IsImplicitlyDeclared: false } field)
                {
                    yield return field.Type;
                }
            }
        }
    }
}
