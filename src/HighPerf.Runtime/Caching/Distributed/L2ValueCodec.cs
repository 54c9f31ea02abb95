using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HighPerf.Caching.Distributed;

/// <summary>
/// The JSON metadata of one cached method's value type, resolved once per installed environment: the declared
/// context first, then the environment's <see cref="L2JsonSerializer"/>.
/// </summary>
internal sealed class L2ValueCodec<TValue>
{
    private L2ValueCodec(CacheEnvironment environment, JsonTypeInfo<TValue>? typeInfo)
    {
        Environment = environment;
        TypeInfo = typeInfo;
    }

    /// <summary>The environment whose fallback was asked; a newly installed one resolves again.</summary>
    public CacheEnvironment Environment { get; }

    /// <summary>Null when nothing covers the type: the method's values stay out of L2.</summary>
    public JsonTypeInfo<TValue>? TypeInfo { get; }

    /// <summary>No metadata: the method's values stay out of L2.</summary>
    public static L2ValueCodec<TValue> Unavailable(CacheEnvironment environment) => new(environment, null);

    /// <remarks>May throw: a resolver can reject a type (reflection does for some shapes); the caller treats that as
    /// no metadata.</remarks>
    public static L2ValueCodec<TValue> Resolve(JsonSerializerContext? declaredContext, CacheEnvironment environment)
    {
        // GetTypeInfo(Type) of a source-generated context is a switch over the types it lists: null, not an
        // exception, for a type it lacks.
        if (declaredContext?.GetTypeInfo(typeof(TValue)) is JsonTypeInfo<TValue> declared)
        {
            return new L2ValueCodec<TValue>(environment, declared);
        }

        return new L2ValueCodec<TValue>(environment, environment.L2JsonFallback.TryGetTypeInfo<TValue>());
    }
}
