using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Diagnostics;

/// <summary>HP0101-HP0111, HP0114, HP0115: [Cached], [NotCacheKey] and [InvalidatesCache] usage.</summary>
internal static partial class DiagnosticDescriptors
{
    internal static readonly DiagnosticDescriptor CachedWithoutResult = Create(
        "HP0101",
        "[Cached] method returns no result",
        "'{0}' returns '{1}', which has no result to cache; [Cached] needs T, Task<T> or ValueTask<T>",
        UsageCategory,
        DiagnosticSeverity.Error,
        "A cache stores results. A method returning void, Task or ValueTask has none; if it changes data, [InvalidatesCache] is probably what you want.");

    internal static readonly DiagnosticDescriptor CacheKeyWithoutValueEquality = Create(
        "HP0102",
        "Cache key part without value equality",
        "'{0}' is part of the cache key, but '{1}' has no value equality, so reference identity would be the key: equal arguments in different instances never hit; use a record, a readonly struct or IEquatable<{1}>, or mark the parameter [NotCacheKey]",
        UsageCategory,
        DiagnosticSeverity.Warning,
        "Keys compare with Equals. Types without value equality (plain classes, arrays) compare by reference, so every call with a new instance misses and fills the cache.");

    internal static readonly DiagnosticDescriptor CachedMutableCollection = Create(
        "HP0103",
        "[Cached] method returns a mutable collection",
        "'{0}' returns '{1}': every caller of a cached entry gets the same instance, and one caller's change is seen by all; return an immutable or read-only collection",
        UsageCategory,
        DiagnosticSeverity.Warning,
        "A hit hands out the stored instance itself, without copying. Arrays and mutable collections can then be changed by one caller under another.");

    internal static readonly DiagnosticDescriptor BadTagTemplate = Create(
        "HP0104",
        "Invalid cache tag template",
        "Tag template \"{0}\" is invalid: {1}",
        UsageCategory,
        DiagnosticSeverity.Error,
        "A tag is literal text with {name} placeholders, each naming a key parameter of the method or one of its KeyMembers.");

    internal static readonly DiagnosticDescriptor UnknownKeyMember = Create(
        "HP0105",
        "KeyMembers names an unknown member",
        "KeyMembers names '{0}', which is not {2} of '{1}' readable from this method",
        UsageCategory,
        DiagnosticSeverity.Error,
        "KeyMembers adds instance state to the key: each name must be a field or a readable property of the type or a base type (static members only, for a static method).");

    internal static readonly DiagnosticDescriptor InvalidCacheOption = Create(
        "HP0106",
        "Invalid [Cached] option value",
        "{0} = {1} is invalid; it must be {2}",
        UsageCategory,
        DiagnosticSeverity.Error,
        "DurationSeconds must be positive; SlidingSeconds, MaxEntries, NegativeCacheSeconds and FailSafeSeconds cannot be negative; JitterPercent is 0-100 and EagerRefreshPercent 0-99.");

    internal static readonly DiagnosticDescriptor CachedOnStructInstanceMethod = Create(
        "HP0107",
        "[Cached] on an instance method of a struct",
        "'{0}' is an instance method of the struct '{1}'; the cache factory runs later, on a copy of the struct, so [Cached] is not supported here; make the method static or move it to a class",
        UsageCategory,
        DiagnosticSeverity.Error,
        "The implementation runs inside a cache factory that may outlive the call (stampede sharing, eager refresh); a struct's 'this' cannot be kept for it.");

    internal static readonly DiagnosticDescriptor CachedAndInvalidatesOnOneMethod = Create(
        "HP0108",
        "[Cached] and [InvalidatesCache] on one method",
        "'{0}' has both [Cached] and [InvalidatesCache]; a cache hit would skip the invalidation, so use one of them",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Invalidation runs after the method body completes; on a cached method the body does not run on a hit, so the invalidation would happen only sometimes.");

    internal static readonly DiagnosticDescriptor InvalidatesUnknownMethod = Create(
        "HP0109",
        "[InvalidatesCache] names an unknown method",
        "[InvalidatesCache] names '{0}', but '{1}' has no method of that name; use nameof() of a [Cached] method declared in '{1}', or name the type that declares it with [InvalidatesCache(typeof(OtherType), nameof(OtherType.Method))]",
        UsageCategory,
        DiagnosticSeverity.Error,
        "The cached method must be declared in the type of the invalidating method, or in the type given as the first argument.");

    internal static readonly DiagnosticDescriptor InvalidatesUncachedMethod = Create(
        "HP0110",
        "[InvalidatesCache] names a method without [Cached]",
        "[InvalidatesCache] names '{0}', which has no [Cached] attribute, so there is no cache to invalidate",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Only [Cached] methods have cache entries to remove.");

    internal static readonly DiagnosticDescriptor InvalidatesWithoutKey = Create(
        "HP0111",
        "[InvalidatesCache] cannot build the cache key",
        "'{0}' cannot build the key of '{1}': it lacks {2}",
        UsageCategory,
        DiagnosticSeverity.Error,
        "The key of the cached method is built from the invalidating method's parameters of the same names and types; in the same type, its KeyMembers are read from the same instance.");

    internal static readonly DiagnosticDescriptor InvalidateApiClash = Create(
        "HP0114",
        "Generated Invalidate method clashes with a member",
        "The generated '{0}' would clash with {1}, so it is not generated (caching still works): {2}",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Each [Cached] method gets a public Invalidate<Method>(key parameters..., CancellationToken) that removes one entry. A member of the type or of a base type with that name and signature (or that name, for a non-method) would make the generated code fail to compile or hide the inherited member, so the generator leaves the API out. [InvalidatesCache] methods do not use it and keep working.");

    internal static readonly DiagnosticDescriptor InvalidatesUnreachableTarget = Create(
        "HP0115",
        "[InvalidatesCache] cannot reach another type's cached method",
        "[InvalidatesCache] cannot remove entries of '{0}' from '{1}': {2}",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Invalidating another type's [Cached] method calls a static accessor generated next to it, with the cached method's accessibility. The cached method must be accessible from the invalidating type, its type closed when generic, its key free of instance KeyMembers, and, in a referenced assembly, built with a HighPerf.Generators version that generates the accessor.");
}
