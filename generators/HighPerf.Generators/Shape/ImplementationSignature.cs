using System.Linq;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>
/// What the implementation method must look like: the annotated method's parameters and return type. A
/// <c>[Cached]</c> method's implementation may instead return <c>Cacheable&lt;T&gt;</c> in the same wrapper
/// (<c>ValueTask&lt;Cacheable&lt;T&gt;&gt;</c> for <c>ValueTask&lt;T&gt;</c>) to decide per result.
/// </summary>
internal static class ImplementationSignature
{
    public static bool Matches(IMethodSymbol annotated, IMethodSymbol candidate, bool allowCacheable = false)
    {
        if (candidate.IsStatic != annotated.IsStatic ||
            candidate.IsGenericMethod ||
            candidate.Parameters.Length != annotated.Parameters.Length ||
            candidate.ReturnsByRef || candidate.ReturnsByRefReadonly ||
            !(SymbolEqualityComparer.Default.Equals(candidate.ReturnType, annotated.ReturnType) ||
              (allowCacheable && ReturnsCacheable(annotated, candidate))))
        {
            return false;
        }

        for (int i = 0; i < annotated.Parameters.Length; i++)
        {
            IParameterSymbol expected = annotated.Parameters[i];
            IParameterSymbol actual = candidate.Parameters[i];
            if (expected.RefKind != actual.RefKind || !SymbolEqualityComparer.Default.Equals(expected.Type, actual.Type))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="candidate"/> returns the annotated result type wrapped in <c>Cacheable&lt;T&gt;</c>.</summary>
    public static bool ReturnsCacheable(IMethodSymbol annotated, IMethodSymbol candidate)
    {
        if (annotated.ReturnsVoid || candidate.ReturnsVoid)
        {
            return false;
        }

        ITypeSymbol expected = annotated.ReturnType;
        ITypeSymbol actual = candidate.ReturnType;
        if (expected is INamedTypeSymbol { IsGenericType: true } wrapper &&
            TypeNames.FullMetadataName(wrapper) is KnownNames.TaskOfT or KnownNames.ValueTaskOfT)
        {
            if (actual is not INamedTypeSymbol { IsGenericType: true } actualWrapper ||
                !SymbolEqualityComparer.Default.Equals(actualWrapper.OriginalDefinition, wrapper.OriginalDefinition))
            {
                return false;
            }

            expected = wrapper.TypeArguments[0];
            actual = actualWrapper.TypeArguments[0];
        }

        return actual is INamedTypeSymbol cacheable &&
            TypeNames.Is(cacheable, KnownNames.CacheableOfT) &&
            SymbolEqualityComparer.Default.Equals(cacheable.TypeArguments[0], expected);
    }

    /// <summary>The declaration a user should write, e.g. <c>private ValueTask&lt;Order?&gt; GetOrderAsyncCore(long id, CancellationToken ct)</c>.</summary>
    public static string Describe(IMethodSymbol annotated, string implementationName)
    {
        string parameters = string.Join(", ", annotated.Parameters.Select(p =>
            p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " " + p.Name));
        string modifiers = annotated.IsStatic ? "private static " : "private ";
        return modifiers + annotated.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) +
            " " + implementationName + "(" + parameters + ")";
    }
}
