using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>Why a <c>[Cached]</c> or <c>[InvalidatesCache]</c> method is wrong or risky. Each kind is one diagnostic id.</summary>
internal enum CacheProblemKind
{
    NoResult,
    StructInstanceMethod,
    KeyWithoutValueEquality,
    MutableCollectionResult,
    BadTagTemplate,
    UnknownKeyMember,
    InvalidOption,
    CachedAndInvalidatesOnOneMethod,
    InvalidatesUnknownMethod,
    InvalidatesUncachedMethod,
    InvalidatesWithoutKey,
    InvalidatesUnreachableTarget,

    /// <summary><c>typeof()</c> of a type that does not bind: the compiler reports it, the analyzer adds nothing.</summary>
    InvalidatesTargetTypeNotBound,
    InvalidateApiClash,
}

/// <summary>
/// One caching problem. Warnings leave the method generated; any other problem makes the generator emit nothing
/// for it. Holds a <see cref="Location"/>, so it is used transiently and never stored in a pipeline model.
/// </summary>
internal sealed record CacheProblem(CacheProblemKind Kind, Location? Location, params string[] Arguments)
{
    public bool IsWarning => Kind is CacheProblemKind.KeyWithoutValueEquality or CacheProblemKind.MutableCollectionResult;

    public bool IsReportedByCompiler => Kind == CacheProblemKind.InvalidatesTargetTypeNotBound;
}
