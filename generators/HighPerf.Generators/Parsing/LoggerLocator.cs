using System.Linq;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.Generators.Parsing;

/// <summary>
/// Finds the <c>ILogger</c> a method can log through: a field, then a property, then a primary-constructor
/// parameter of the containing type. Static methods can only use static members.
/// </summary>
internal static class LoggerLocator
{
    /// <returns>An expression valid inside the generated method, or null when there is no logger.</returns>
    public static string? Find(IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        string qualifier = method.IsStatic ? "" : "this.";

        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: false } field && IsUsable(field.IsStatic, method) && IsLogger(field.Type))
            {
                return (field.IsStatic ? "" : qualifier) + field.Name;
            }
        }

        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IPropertySymbol { IsIndexer: false, GetMethod: not null } property && IsUsable(property.IsStatic, method) && IsLogger(property.Type))
            {
                return (property.IsStatic ? "" : qualifier) + property.Name;
            }
        }

        return method.IsStatic ? null : PrimaryConstructorLogger(type);
    }

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

    private static bool IsUsable(bool memberIsStatic, IMethodSymbol method) => memberIsStatic || !method.IsStatic;

    private static bool IsLogger(ITypeSymbol type) => TypeNames.IsOrImplements(type, KnownNames.ILogger);
}
