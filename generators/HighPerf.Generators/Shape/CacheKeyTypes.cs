using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>Type rules of caching: which key types compare by value, which results are shared mutable instances.</summary>
internal static class CacheKeyTypes
{
    private static readonly string[] ValueEqualTypes =
    [
        "System.Guid", "System.DateTimeOffset", "System.TimeSpan", "System.DateOnly", "System.TimeOnly",
        "System.Half", "System.Int128", "System.UInt128",
    ];

    public static bool HasValueEquality(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case >= SpecialType.System_Boolean and <= SpecialType.System_String:
            case SpecialType.System_DateTime:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return true;
        }

        if (type.TypeKind is TypeKind.Enum or TypeKind.TypeParameter || type.IsRecord)
        {
            return true;
        }

        if (type is INamedTypeSymbol named)
        {
            if (named.IsTupleType)
            {
                foreach (IFieldSymbol element in named.TupleElements)
                {
                    if (!HasValueEquality(element.Type))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return HasValueEquality(named.TypeArguments[0]);
            }

            if ((named.TypeKind == TypeKind.Struct && named.IsReadOnly) || ImplementsEquatableOfItself(named))
            {
                return true;
            }
        }

        string name = TypeNames.FullMetadataName(type);
        return System.Array.IndexOf(ValueEqualTypes, name) >= 0;
    }

    /// <summary>Arrays and mutable collections: every caller of a cached method would share (and could change) one instance.</summary>
    public static bool IsMutableCollection(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        string ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        if (ns.StartsWith("System.Collections.Immutable", System.StringComparison.Ordinal) ||
            ns.StartsWith("System.Collections.Frozen", System.StringComparison.Ordinal) ||
            type.Name.StartsWith("ReadOnly", System.StringComparison.Ordinal) ||
            type.Name.StartsWith("IReadOnly", System.StringComparison.Ordinal))
        {
            return false;
        }

        return TypeNames.IsOrImplements(type, "System.Collections.Generic.ICollection`1");
    }

    private static bool ImplementsEquatableOfItself(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            if (TypeNames.Is(candidate, "System.IEquatable`1") &&
                SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[0], type))
            {
                return true;
            }
        }

        return false;
    }
}
