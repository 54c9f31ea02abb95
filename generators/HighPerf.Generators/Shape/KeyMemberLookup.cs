using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>Finds a <c>KeyMembers</c> name: a field or readable non-indexer property of the type or its bases.</summary>
internal static class KeyMemberLookup
{
    public static ISymbol? Find(IMethodSymbol method, string name)
    {
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (ISymbol member in type.GetMembers(name))
            {
                bool readable = member switch
                {
                    IFieldSymbol { IsImplicitlyDeclared: false } => true,
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } => true,
                    _ => false,
                };
                bool accessible = member.DeclaredAccessibility != Accessibility.Private ||
                    SymbolEqualityComparer.Default.Equals(type, method.ContainingType);
                if (readable && accessible && (member.IsStatic || !method.IsStatic))
                {
                    return member;
                }
            }
        }

        return null;
    }
}
