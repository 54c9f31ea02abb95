using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Diagnostics;

/// <summary>HP0112, HP0113, HP0116: the JSON metadata of distributed [Cached] methods ([CacheJsonContext]).</summary>
internal static partial class DiagnosticDescriptors
{
    internal static readonly DiagnosticDescriptor CachedTypeNotInJsonContext = Create(
        "HP0112",
        "Cached value type not covered by the JSON context",
        "'{0}' caches '{1}' in L2, but '{2}' does not cover it; add [JsonSerializable(typeof({1}))] to '{2}'",
        UsageCategory,
        DiagnosticSeverity.Warning,
        "A distributed [Cached] method serializes its values for L2 with the source-generated JsonSerializerContext named by [CacheJsonContext]. A type the context neither lists nor reaches through a listed type falls back to resolvers registered at run time or to reflection; in a trimmed or Native AOT app it stays out of L2.");

    internal static readonly DiagnosticDescriptor CachedWithoutJsonContext = Create(
        "HP0113",
        "Distributed [Cached] method without a JSON context",
        "'{0}' caches '{1}' in L2, but no [CacheJsonContext] applies to it, so its values are serialized through resolvers registered at run time or reflection (not trim- or Native AOT-safe); add [CacheJsonContext(typeof(YourJsonContext))] to '{2}' or to the assembly, with [JsonSerializable(typeof({1}))] on that context",
        UsageCategory,
        DiagnosticSeverity.Info,
        "Naming a source-generated JsonSerializerContext ties each cached value type to its metadata at compile time: no reflection, and HP0112 reports a type the context misses. Without one, L2 serialization depends on what the application registers with AddJsonTypeInfoResolver, or on reflection where it is enabled.");

    internal static readonly DiagnosticDescriptor CacheJsonContextNotAContext = Create(
        "HP0116",
        "[CacheJsonContext] does not name a JsonSerializerContext",
        "[CacheJsonContext] names '{0}', which is not a non-abstract, non-generic class deriving from JsonSerializerContext; name a context the System.Text.Json source generator completes (a partial class with [JsonSerializable] attributes)",
        UsageCategory,
        DiagnosticSeverity.Error,
        "The generated code passes the context's static Default instance to each distributed [Cached] method. Only a JsonSerializerContext completed by the System.Text.Json source generator has one; the methods this attribute governs are not generated until it is fixed.");
}
