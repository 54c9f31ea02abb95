using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>Matches well-known types by metadata name, with no compilation-wide lookup.</summary>
internal static class TypeNames
{
    public static string FullMetadataName(ITypeSymbol type)
    {
        ITypeSymbol definition = type.OriginalDefinition;
        string ns = definition.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return definition.ContainingType is { } outer
            ? FullMetadataName(outer) + "+" + definition.MetadataName
            : ns + definition.MetadataName;
    }

    public static bool Is(ITypeSymbol? type, string fullMetadataName) =>
        type is not null && FullMetadataName(type) == fullMetadataName;

    public static bool IsOrImplements(ITypeSymbol type, string interfaceMetadataName)
    {
        if (Is(type, interfaceMetadataName))
        {
            return true;
        }

        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            if (Is(candidate, interfaceMetadataName))
            {
                return true;
            }
        }

        return false;
    }

    public static bool InheritsFrom(ITypeSymbol? type, string baseMetadataName)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, baseMetadataName))
            {
                return true;
            }
        }

        return false;
    }
}
