using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>
/// Finds the <c>[CacheJsonContext]</c> in force for a method: the nearest one on its type or a containing type, else
/// the assembly's. Shared by the generator (which passes the context to the runtime) and the analyzers.
/// </summary>
internal static class CacheJsonContextLookup
{
    /// <summary>The attribute on the method's type or the nearest containing type that has one; null = none there.</summary>
    public static AttributeData? FindOnTypes(IMethodSymbol method)
    {
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (Find(type.GetAttributes()) is { } attribute)
            {
                return attribute;
            }
        }

        return null;
    }

    public static AttributeData? FindOnAssembly(IAssemblySymbol assembly) => Find(assembly.GetAttributes());

    /// <summary>The nearest attribute: types first, then the assembly.</summary>
    public static AttributeData? FindNearest(IMethodSymbol method) =>
        FindOnTypes(method) ?? FindOnAssembly(method.ContainingAssembly);

    /// <summary>The type the attribute names, or null when the argument is missing or not a named type.</summary>
    public static INamedTypeSymbol? ContextType(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as INamedTypeSymbol : null;

    /// <summary>
    /// A usable context: a non-abstract, non-generic class deriving from <c>JsonSerializerContext</c> (the shape the
    /// System.Text.Json source generator completes with a static <c>Default</c>).
    /// </summary>
    public static bool IsUsableContext(INamedTypeSymbol? type) =>
        type is { TypeKind: TypeKind.Class, IsAbstract: false, IsGenericType: false } &&
        TypeNames.InheritsFrom(type.BaseType, KnownNames.JsonSerializerContext);

    private static AttributeData? Find(System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
    {
        foreach (AttributeData attribute in attributes)
        {
            if (TypeNames.Is(attribute.AttributeClass, KnownNames.CacheJsonContextAttribute))
            {
                return attribute;
            }
        }

        return null;
    }
}
