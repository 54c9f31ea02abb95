using System;

namespace HighPerf.Caching;

/// <summary>
/// A method result plus what the method decided about caching it: skip it, keep it for its own duration, add tags.
/// A <c>[Cached]</c> method declared to return <c>Cacheable&lt;T&gt;</c> decides per result; callers still get <c>T</c>.
/// </summary>
/// <remarks>Immutable and passed by value: no shared mutable context between the method and the cache.</remarks>
public readonly struct Cacheable<T>
{
    internal Cacheable(T value, bool skip, TimeSpan? duration, string[]? tags)
    {
        Value = value;
        Skip = skip;
        Duration = duration;
        Tags = tags;
    }

    /// <summary>The value returned to the caller (and cached unless <see cref="Skip"/>).</summary>
    public T Value { get; }

    /// <summary>True: the value is returned to the caller but never stored (neither L1 nor L2).</summary>
    public bool Skip { get; }

    /// <summary>The lifetime of this result; null = the method's <c>Duration</c>. Zero or less = not stored.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>Tags added to the method's own tags for this result; null = none.</summary>
    public string[]? Tags { get; }
}

/// <summary>Builds <see cref="Cacheable{T}"/> results.</summary>
public static class Cacheable
{
    /// <summary>Cache <paramref name="value"/> with the method's policy.</summary>
    public static Cacheable<T> Of<T>(T value) => new(value, skip: false, duration: null, tags: null);

    /// <summary>Return <paramref name="value"/> to the caller, never store it (e.g. an empty or partial result).</summary>
    public static Cacheable<T> NotCached<T>(T value) => new(value, skip: true, duration: null, tags: null);

    /// <summary>Cache <paramref name="value"/> for <paramref name="duration"/> instead of the method's duration.</summary>
    public static Cacheable<T> For<T>(T value, TimeSpan duration) => new(value, skip: false, duration, tags: null);

    /// <summary>Adds <paramref name="tags"/> to this result (on top of the method's tag templates).</summary>
    public static Cacheable<T> WithTags<T>(this Cacheable<T> cacheable, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        string[] combined = cacheable.Tags is null ? tags : [.. cacheable.Tags, .. tags];
        return new Cacheable<T>(cacheable.Value, cacheable.Skip, cacheable.Duration, combined);
    }
}
