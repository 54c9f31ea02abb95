using System.Linq;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.Generators.Parsing;

/// <summary>
/// Finds the <c>ILogger</c> a method can log through: a field, then a property, then a primary-constructor
/// parameter of the containing type; then a field or property its base classes let it see. Static methods can only
/// use static members.
/// </summary>
internal static class LoggerLocator
{
    /// <returns>An expression valid inside the generated method, or null when there is no logger.</returns>
    public static string? Find(IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        string? own = FindMember(type, method, inherited: false);
        if (own is not null)
        {
            return own;
        }

        string? primary = method.IsStatic ? null : PrimaryConstructorLogger(type);
        if (primary is not null)
        {
            return primary;
        }

        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            string? inherited = FindMember(baseType, method, inherited: true);
            if (inherited is not null)
            {
                return inherited;
            }
        }

        return null;
    }

    private static string? FindMember(INamedTypeSymbol type, IMethodSymbol method, bool inherited)
    {
        string qualifier = method.IsStatic ? "" : "this.";
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: false } field && IsUsable(field, method, inherited) && IsLogger(field.Type))
            {
                return (field.IsStatic ? StaticQualifier(type, inherited) : qualifier) + field.Name;
            }
        }

        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IPropertySymbol { IsIndexer: false, GetMethod: not null } property && IsUsable(property, method, inherited)
                && (!inherited || IsVisibleToDerived(property.GetMethod, method)) && IsLogger(property.Type))
            {
                return (property.IsStatic ? StaticQualifier(type, inherited) : qualifier) + property.Name;
            }
        }

        return null;
    }

    // An inherited static member is named through its declaring type: the derived type may hide it.
    private static string StaticQualifier(INamedTypeSymbol type, bool inherited) =>
        inherited ? type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." : "";

    private static string? PrimaryConstructorLogger(INamedTypeSymbol type)
    {
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            bool isPrimary = constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax);
            if (!isPrimary)
            {
                continue;
            }

            IParameterSymbol? parameter = constructor.Parameters.FirstOrDefault(p => IsLogger(p.Type));
            if (parameter is not null)
            {
                return parameter.Name;
            }
        }

        return null;
    }

    private static bool IsUsable(ISymbol member, IMethodSymbol method, bool inherited) =>
        (member.IsStatic || !method.IsStatic) && (!inherited || IsVisibleToDerived(member, method));

    private static bool IsVisibleToDerived(ISymbol member, IMethodSymbol method) => member.DeclaredAccessibility switch
    {
        Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal => true,
        Accessibility.Internal or Accessibility.ProtectedAndInternal =>
            SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, method.ContainingAssembly),
        _ => false,
    };

    private static bool IsLogger(ITypeSymbol type) => TypeNames.IsOrImplements(type, KnownNames.ILogger);
}
