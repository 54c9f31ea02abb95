using System.Linq;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>What the implementation method must look like: the annotated method's parameters and return type.</summary>
internal static class ImplementationSignature
{
    public static bool Matches(IMethodSymbol annotated, IMethodSymbol candidate)
    {
        if (candidate.IsStatic != annotated.IsStatic ||
            candidate.IsGenericMethod ||
            candidate.Parameters.Length != annotated.Parameters.Length ||
            candidate.ReturnsByRef || candidate.ReturnsByRefReadonly ||
            !SymbolEqualityComparer.Default.Equals(candidate.ReturnType, annotated.ReturnType))
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
