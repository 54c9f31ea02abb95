using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HighPerf.Caching.Distributed;

/// <summary>Where the L2 JSON metadata of one cached method's value type came from.</summary>
internal enum L2MetadataSource
{
    /// <summary>Nothing covers the type: the method's values stay out of L2.</summary>
    None,

    /// <summary>The method's <c>[CacheJsonContext]</c> (source-generated, trim- and AOT-safe).</summary>
    DeclaredContext,

    /// <summary>A resolver registered at run time, or reflection where it is enabled.</summary>
    Fallback,
}

/// <summary>
/// The JSON metadata of one cached method's value type, resolved once per installed environment: the declared
/// context first, then the environment's <see cref="L2JsonSerializer"/>.
/// </summary>
internal sealed class L2ValueCodec<TValue>
{
    private L2ValueCodec(CacheEnvironment environment, JsonTypeInfo<TValue>? typeInfo, L2MetadataSource source)
    {
        Environment = environment;
        TypeInfo = typeInfo;
        Source = source;
    }

    /// <summary>The environment whose fallback was asked; a newly installed one resolves again.</summary>
    public CacheEnvironment Environment { get; }

    public JsonTypeInfo<TValue>? TypeInfo { get; }

    public L2MetadataSource Source { get; }

    /// <summary>No metadata: the method's values stay out of L2.</summary>
    public static L2ValueCodec<TValue> Unavailable(CacheEnvironment environment) => new(environment, null, L2MetadataSource.None);

    /// <remarks>May throw: a resolver can reject a type (reflection does for some shapes); the caller treats that as
    /// no metadata.</remarks>
    public static L2ValueCodec<TValue> Resolve(JsonSerializerContext? declaredContext, CacheEnvironment environment)
    {
        // GetTypeInfo(Type) of a source-generated context is a switch over the types it lists: null, not an
        // exception, for a type it lacks.
        if (declaredContext?.GetTypeInfo(typeof(TValue)) is JsonTypeInfo<TValue> declared)
        {
            return new L2ValueCodec<TValue>(environment, declared, L2MetadataSource.DeclaredContext);
        }

        JsonTypeInfo<TValue>? fallback = environment.L2JsonFallback.TryGetTypeInfo<TValue>();
        return new L2ValueCodec<TValue>(environment, fallback, fallback is null ? L2MetadataSource.None : L2MetadataSource.Fallback);
    }
}
