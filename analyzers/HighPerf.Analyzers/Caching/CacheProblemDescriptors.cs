using System.Collections.Immutable;
using HighPerf.Analyzers.Diagnostics;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Caching;

/// <summary>Maps each <see cref="CacheProblemKind"/> to its diagnostic.</summary>
internal static class CacheProblemDescriptors
{
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.CachedWithoutResult,
        DiagnosticDescriptors.CacheKeyWithoutValueEquality,
        DiagnosticDescriptors.CachedMutableCollection,
        DiagnosticDescriptors.BadTagTemplate,
        DiagnosticDescriptors.UnknownKeyMember,
        DiagnosticDescriptors.InvalidCacheOption,
        DiagnosticDescriptors.CachedOnStructInstanceMethod,
        DiagnosticDescriptors.CachedAndInvalidatesOnOneMethod,
        DiagnosticDescriptors.InvalidatesUnknownMethod,
        DiagnosticDescriptors.InvalidatesUncachedMethod,
        DiagnosticDescriptors.InvalidatesWithoutKey,
        DiagnosticDescriptors.InvalidateApiClash,
        DiagnosticDescriptors.InvalidatesUnreachableTarget);

    public static DiagnosticDescriptor For(CacheProblemKind kind) => kind switch
    {
        CacheProblemKind.NoResult => DiagnosticDescriptors.CachedWithoutResult,
        CacheProblemKind.KeyWithoutValueEquality => DiagnosticDescriptors.CacheKeyWithoutValueEquality,
        CacheProblemKind.MutableCollectionResult => DiagnosticDescriptors.CachedMutableCollection,
        CacheProblemKind.BadTagTemplate => DiagnosticDescriptors.BadTagTemplate,
        CacheProblemKind.UnknownKeyMember => DiagnosticDescriptors.UnknownKeyMember,
        CacheProblemKind.InvalidOption => DiagnosticDescriptors.InvalidCacheOption,
        CacheProblemKind.StructInstanceMethod => DiagnosticDescriptors.CachedOnStructInstanceMethod,
        CacheProblemKind.CachedAndInvalidatesOnOneMethod => DiagnosticDescriptors.CachedAndInvalidatesOnOneMethod,
        CacheProblemKind.InvalidatesUnknownMethod => DiagnosticDescriptors.InvalidatesUnknownMethod,
        CacheProblemKind.InvalidatesUncachedMethod => DiagnosticDescriptors.InvalidatesUncachedMethod,
        CacheProblemKind.InvalidateApiClash => DiagnosticDescriptors.InvalidateApiClash,
        CacheProblemKind.InvalidatesUnreachableTarget => DiagnosticDescriptors.InvalidatesUnreachableTarget,
        _ => DiagnosticDescriptors.InvalidatesWithoutKey,
    };
}
