using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HighPerf.Caching.Distributed;

/// <summary>
/// The fallback source of L2 JSON metadata, asked for a cached value type that the method's
/// <c>[CacheJsonContext]</c> does not cover: the resolvers the application registered
/// (<c>HighPerfCachingOptions.AddJsonTypeInfoResolver</c>), in registration order, then reflection where it is enabled.
/// </summary>
/// <remarks>
/// Reflection comes last and only where <see cref="JsonSerializer.IsReflectionEnabledByDefault"/> is on (an ordinary
/// app; in a trimmed or Native AOT app the feature switch is off and the trimmer drops the branch). A type nothing
/// covers gets no metadata, and its values stay out of L2.
/// </remarks>
public sealed class L2JsonSerializer
{
    private readonly JsonSerializerOptions _options;

    public L2JsonSerializer(IEnumerable<IJsonTypeInfoResolver> resolvers)
        : this(resolvers, JsonSerializer.IsReflectionEnabledByDefault)
    {
    }

    /// <param name="resolvers">Asked in order.</param>
    /// <param name="useReflection">Tests pass false to see a trimmed app's behaviour in an ordinary process.</param>
    internal L2JsonSerializer(IEnumerable<IJsonTypeInfoResolver> resolvers, bool useReflection)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        var chain = new List<IJsonTypeInfoResolver>(resolvers);
        if (useReflection && JsonSerializer.IsReflectionEnabledByDefault)
        {
            chain.Add(CreateReflectionResolver());
        }

        _options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine([.. chain]) };
        _options.MakeReadOnly();
    }

    /// <summary>No registered resolvers: reflection where it is enabled, else nothing.</summary>
    public static L2JsonSerializer Default { get; } = new([]);

    /// <summary>The metadata for <typeparamref name="T"/>, or null when no resolver covers it.</summary>
    public JsonTypeInfo<T>? TryGetTypeInfo<T>()
        => _options.TryGetTypeInfo(typeof(T), out JsonTypeInfo? info) ? info as JsonTypeInfo<T> : null;

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only called when JsonSerializer.IsReflectionEnabledByDefault, a feature switch that is off in trimmed and AOT apps.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only called when JsonSerializer.IsReflectionEnabledByDefault, a feature switch that is off in trimmed and AOT apps.")]
    private static IJsonTypeInfoResolver CreateReflectionResolver() => new DefaultJsonTypeInfoResolver();
}
