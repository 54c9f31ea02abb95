using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>Why a method cannot get a generated body. The analyzers map each kind to one diagnostic id.</summary>
internal enum ShapeProblemKind
{
    NotPartialDeclaration,
    ContainingTypeNotPartial,
    UnsupportedContainingType,
    GenericMethod,
    ByRefParameter,
    UnsupportedReturnType,
    ImplementationMissing,
    ImplementationSignatureMismatch,
    ConflictingImplementationNames,
    ImplementationWrittenByHand,
}

/// <summary>
/// One problem found by <see cref="MethodShape"/>. Holds a <see cref="Location"/>, so it is only ever used
/// transiently (analyzers, and the generator's go/no-go decision) and never stored in a pipeline model.
/// </summary>
internal sealed record ShapeProblem(ShapeProblemKind Kind, Location? Location, params string[] Arguments);
