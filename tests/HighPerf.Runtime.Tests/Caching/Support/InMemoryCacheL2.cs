using Xunit;
using System.Collections.Concurrent;
using HighPerf.Caching.Distributed;

namespace HighPerf.Runtime.Tests.Caching.Support;

/// <summary>An L2 fake: what our orchestration reads, writes and removes, with tags and durations recorded.</summary>
public sealed class InMemoryCacheL2 : ICacheL2
{
    public ConcurrentDictionary<string, (object? Value, TimeSpan Duration, string[]? Tags)> Entries { get; } = new();

    public ConcurrentQueue<string> RemovedTags { get; } = new();

    public int Reads;

    /// <summary>When set, every call throws it (an implementation breaking the never-throw promise).</summary>
    public Exception? Broken { get; set; }

    public ValueTask<(bool Found, TValue Value)> TryGetAsync<TValue>(string key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Reads);
        ThrowIfBroken();
        return new ValueTask<(bool, TValue)>(Entries.TryGetValue(key, out var entry) ? (true, (TValue)entry.Value!) : (false, default!));
    }

    public ValueTask SetAsync<TValue>(string key, TValue value, TimeSpan duration, string[]? tags, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        Entries[key] = (value, duration, tags);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        Entries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken)
    {
        RemovedTags.Enqueue(tag);
        foreach (var pair in Entries)
        {
            if (pair.Value.Tags is { } tags && tags.Contains(tag))
            {
                Entries.TryRemove(pair.Key, out _);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void ThrowIfBroken()
    {
        if (Broken is { } exception)
        {
            throw exception;
        }
    }
}
