using System.Collections.Generic;
using System.Linq;
using HighPerf.Generators.Emit;
using HighPerf.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>
/// What <c>[InvalidatesCache(typeof(OtherType), ...)]</c> needs beyond the same-type rules. The generated code calls
/// the target's <c>__HighPerf_&lt;Method&gt;_Invalidate</c> accessor: a static member with the cached method's
/// accessibility, so it is reachable exactly where the cached method is, and whose reserved name cannot clash.
/// </summary>
internal static class OtherTypeRules
{
    /// <summary>Reads the <c>typeof(...)</c> argument; a problem when it names no usable type.</summary>
    public static CacheProblem? TargetType(IMethodSymbol method, TypedConstant argument, string name, Location? where, out INamedTypeSymbol? type)
    {
        type = argument.Value as INamedTypeSymbol;
        if (argument.Kind == TypedConstantKind.Error || argument.Value is ITypeSymbol { TypeKind: TypeKind.Error })
        {
            // typeof(Unknown): the compiler reports it; nothing to add.
            return new CacheProblem(CacheProblemKind.InvalidatesTargetTypeNotBound, where);
        }

        if (argument.Value is null)
        {
            return Unreachable(where, "null", method, "no target type is given; pass typeof() of the type that declares the [Cached] method");
        }

        return type is null
            ? new CacheProblem(CacheProblemKind.InvalidatesUnknownMethod, where, name, ((ITypeSymbol)argument.Value).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))
            : null;
    }

    public static CacheProblem? OpenGeneric(IMethodSymbol method, INamedTypeSymbol type, string name, Location? where)
    {
        if (!type.IsUnboundGenericType)
        {
            return null;
        }

        string open = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        return Unreachable(where, open + "." + name, method,
            $"'{open}' is an open generic type, and each closed type keeps its own entries; name the one to invalidate, e.g. typeof({type.Name}<Product>)");
    }

    /// <summary>A problem when this method cannot remove the entries of <paramref name="target"/>, a method of another type.</summary>
    public static CacheProblem? Unreachable(IMethodSymbol method, CachedShape target, INamedTypeSymbol otherType, Location? where, Compilation compilation)
    {
        string display = InvalidationShape.Display(otherType, target.Method.Name);
        if (!compilation.IsSymbolAccessibleWithin(target.Method, method.ContainingType))
        {
            return Unreachable(where, display, method, "it is not accessible here; make it and the types that contain it internal or public");
        }

        List<string> instanceMembers = target.KeyMembers.Where(m => !m.IsStatic).Select(m => "'" + m.Name + "'").ToList();
        if (instanceMembers.Count > 0)
        {
            return Unreachable(where, display, method,
                $"its key includes the instance member {string.Join(", ", instanceMembers)} (KeyMembers), which another type cannot supply; " +
                $"invalidate it from a method of '{otherType.Name}', or call the generated Invalidate{target.Method.Name} on the instance");
        }

        InvalidationTarget resolved = new(target, otherType);
        string accessor = CacheMemberNames.Invalidator(MethodModelParser.MemberSuffix(resolved.Definition));
        if (resolved.IsFromMetadata && !otherType.GetMembers(accessor).OfType<IMethodSymbol>().Any(m => m.IsStatic))
        {
            return Unreachable(where, display, method,
                $"its assembly '{otherType.ContainingAssembly.Name}' has no generated '{accessor}'; build it with this version of HighPerf.Generators");
        }

        return null;
    }

    private static CacheProblem Unreachable(Location? where, string target, IMethodSymbol method, string reason) =>
        new(CacheProblemKind.InvalidatesUnreachableTarget, where, target, method.Name, reason);
}
