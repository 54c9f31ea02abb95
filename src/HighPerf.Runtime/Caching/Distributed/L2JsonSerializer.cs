using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HighPerf.Caching.Distributed;

/// <summary>
/// Turns cached values into UTF-8 JSON for L2 with the <see cref="JsonTypeInfo{T}"/> the application registered
/// (a source-generated <c>JsonSerializerContext</c>: trim- and Native-AOT-safe, no reflection).
/// </summary>
/// <remarks>
/// Registered resolvers are asked first, in registration order. After them, only where reflection-based
/// serialization is enabled (an ordinary app; not a trimmed or Native AOT one, where the feature switch
/// <see cref="JsonSerializer.IsReflectionEnabledByDefault"/> is off and the trimmer drops the branch), comes the
/// reflection resolver. A type nothing covers fails to serialize: the failure is counted and logged, and the value
/// simply stays out of L2.
/// </remarks>
public sealed class L2JsonSerializer
{
    private readonly JsonSerializerOptions _options;

    public L2JsonSerializer(IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        var chain = new List<IJsonTypeInfoResolver>(resolvers);
        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            chain.Add(CreateReflectionResolver());
        }

        _options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine([.. chain]) };
        _options.MakeReadOnly();
    }

    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, GetTypeInfo<T>());

    public T Deserialize<T>(byte[] utf8Json) => JsonSerializer.Deserialize(utf8Json, GetTypeInfo<T>())!;

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only called when JsonSerializer.IsReflectionEnabledByDefault, a feature switch that is off in trimmed and AOT apps.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only called when JsonSerializer.IsReflectionEnabledByDefault, a feature switch that is off in trimmed and AOT apps.")]
    private static IJsonTypeInfoResolver CreateReflectionResolver() => new DefaultJsonTypeInfoResolver();

    // JsonSerializerOptions caches the metadata per type after the first lookup.
    private JsonTypeInfo<T> GetTypeInfo<T>() => (JsonTypeInfo<T>)_options.GetTypeInfo(typeof(T));
}
