using System;

namespace HighPerf;

/// <summary>
/// Names the source-generated <c>System.Text.Json.Serialization.JsonSerializerContext</c> that serializes the results of
/// distributed <see cref="CachedAttribute"/> methods for the L2 tier: no reflection, so trimmed and Native AOT apps
/// work. The generator passes the context's <c>Default</c> instance to each method's cache.
/// </summary>
/// <remarks>
/// <para>On a class, struct or record it applies to the <c>[Cached]</c> methods of that type and of its nested types; on
/// the assembly (<c>[assembly: CacheJsonContext(typeof(AppJsonContext))]</c>) it is the default for every method. The
/// nearest one wins: the method's type, then its containing types outwards, then the assembly.</para>
/// <para>The context must list each cached result type (<c>[JsonSerializable(typeof(Product))]</c>), or reach it
/// through a listed type; analyzer HP0112 reports a type it does not cover, HP0113 a distributed method with no
/// context at all. A type the context does not cover falls back to the resolvers registered with
/// <c>AddJsonTypeInfoResolver</c>, then to reflection where it is enabled, else it stays out of L2.</para>
/// </remarks>
/// <example>
/// <code>
/// [JsonSerializable(typeof(Product))]
/// internal sealed partial class AppJsonContext : JsonSerializerContext;
///
/// [CacheJsonContext(typeof(AppJsonContext))]
/// public sealed partial class ProductService { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class CacheJsonContextAttribute : Attribute
{
    /// <param name="contextType">A <c>JsonSerializerContext</c> produced by the System.Text.Json source generator.</param>
    public CacheJsonContextAttribute(Type contextType) => ContextType = contextType;

    /// <summary>The <c>JsonSerializerContext</c> type whose <c>Default</c> instance serializes the cached values.</summary>
    public Type ContextType { get; }
}
