using System.Collections.Immutable;
using HighPerf.Analyzers.Diagnostics;
using HighPerf.Generators;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Usage;

/// <summary>
/// The one mapping from <see cref="ShapeProblemKind"/> to its diagnostic. A new kind added to the generator
/// without a row here makes <see cref="For"/> throw, and a test walks every kind.
/// </summary>
internal static class ShapeProblemDescriptors
{
    private static readonly ImmutableDictionary<ShapeProblemKind, DiagnosticDescriptor> ByKind =
        ImmutableDictionary.CreateRange(new[]
        {
            Row(ShapeProblemKind.NotPartialDeclaration, DiagnosticDescriptors.NotPartialDeclaration),
            Row(ShapeProblemKind.ContainingTypeNotPartial, DiagnosticDescriptors.ContainingTypeNotPartial),
            Row(ShapeProblemKind.UnsupportedContainingType, DiagnosticDescriptors.UnsupportedContainingType),
            Row(ShapeProblemKind.GenericMethod, DiagnosticDescriptors.GenericMethod),
            Row(ShapeProblemKind.ByRefParameter, DiagnosticDescriptors.ByRefParameter),
            Row(ShapeProblemKind.UnsupportedReturnType, DiagnosticDescriptors.UnsupportedReturnType),
            Row(ShapeProblemKind.ImplementationMissing, DiagnosticDescriptors.ImplementationMissing),
            Row(ShapeProblemKind.ImplementationSignatureMismatch, DiagnosticDescriptors.ImplementationSignatureMismatch),
            Row(ShapeProblemKind.ConflictingImplementationNames, DiagnosticDescriptors.ConflictingImplementationNames),
            Row(ShapeProblemKind.ImplementationWrittenByHand, DiagnosticDescriptors.ImplementationWrittenByHand),
        });

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.CreateRange(ByKind.Values);

    public static DiagnosticDescriptor For(ShapeProblemKind kind) =>
        ByKind.TryGetValue(kind, out DiagnosticDescriptor? descriptor)
            ? descriptor
            : throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "No diagnostic is mapped to this shape problem.");

    /// <summary>Problems about a containing type rather than the method: reported once per type.</summary>
    public static bool IsAboutContainingType(ShapeProblemKind kind) =>
        kind is ShapeProblemKind.ContainingTypeNotPartial or ShapeProblemKind.UnsupportedContainingType;

    /// <summary>
    /// The message arguments: the problem's own, plus the implementation method's name for the two problems
    /// whose fix is "move the body there".
    /// </summary>
    public static object[] Arguments(ShapeProblem problem, MethodShape shape)
    {
        if (problem.Kind is not (ShapeProblemKind.NotPartialDeclaration or ShapeProblemKind.ImplementationWrittenByHand))
        {
            return problem.Arguments;
        }

        string implementationName = shape.ImplementationName.Length > 0
            ? shape.ImplementationName
            : shape.Method.Name + KnownNames.ImplementationSuffix;
        return [.. problem.Arguments, implementationName];
    }

    private static System.Collections.Generic.KeyValuePair<ShapeProblemKind, DiagnosticDescriptor> Row(ShapeProblemKind kind, DiagnosticDescriptor descriptor) =>
        new(kind, descriptor);
}
