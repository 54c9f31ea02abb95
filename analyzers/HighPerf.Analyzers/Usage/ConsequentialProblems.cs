using System.Collections.Generic;
using HighPerf.Generators.Shape;

namespace HighPerf.Analyzers.Usage;

/// <summary>
/// Problems that only follow from another one on the same method, and are not reported with it: each
/// diagnostic should point at something the user has to change, not at an echo of it.
/// </summary>
internal static class ConsequentialProblems
{
    public static bool IsHidden(ShapeProblem problem, List<ShapeProblem> all)
    {
        return problem.Kind switch
        {
            // HP0001/HP0010 already say to move the body to the implementation method.
            ShapeProblemKind.ImplementationMissing =>
                Has(all, ShapeProblemKind.NotPartialDeclaration) || Has(all, ShapeProblemKind.ImplementationWrittenByHand) || SignatureIsUnsupported(all),

            // The expected implementation signature is only meaningful once the method's own signature is supported.
            ShapeProblemKind.ImplementationSignatureMismatch => SignatureIsUnsupported(all),
            _ => false,
        };
    }

    private static bool SignatureIsUnsupported(List<ShapeProblem> all) =>
        Has(all, ShapeProblemKind.GenericMethod) || Has(all, ShapeProblemKind.ByRefParameter) || Has(all, ShapeProblemKind.UnsupportedReturnType);

    private static bool Has(List<ShapeProblem> all, ShapeProblemKind kind) => all.Exists(p => p.Kind == kind);
}
