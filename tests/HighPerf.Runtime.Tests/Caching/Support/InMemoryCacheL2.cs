using Xunit;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HighPerf.Caching.Distributed;

namespace HighPerf.Runtime.Tests.Caching.Support;

/// <summary>An L2 fake: the payloads our orchestration reads, writes and removes, with tags and durations recorded.</summary>
public sealed class InMemoryCacheL2 : ICacheL2
{
    public ConcurrentDictionary<string, StoredPayload> Entries { get; } = new();

    public ConcurrentQueue<string> RemovedTags { get; } = new();

    public int Reads;

    /// <summary>When set, every call throws it (an implementation breaking the never-throw promise).</summary>
    public Exception? Broken { get; set; }

    /// <summary>Stores <paramref name="value"/> as another node would: an envelope with reflection-based JSON.</summary>
    public void Seed<T>(string key, T value, DateTimeOffset expiresAt, string[]? tags = null)
    {
        var typeInfo = (JsonTypeInfo<T>)JsonSerializerOptions.Default.GetTypeInfo(typeof(T));
        byte[] payload = L2Envelope.Write(value, typeInfo, expiresAt.ToUnixTimeMilliseconds(), tags);
        Entries[key] = new StoredPayload(payload, expiresAt - DateTimeOffset.UnixEpoch, tags);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Reads);
        ThrowIfBroken();
        return new ValueTask<byte[]?>(Entries.TryGetValue(key, out var entry) ? entry.Payload : null);
    }

    public ValueTask SetAsync(string key, byte[] payload, TimeSpan duration, string[]? tags, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        Entries[key] = new StoredPayload(payload, duration, tags);
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

/// <summary>One stored payload, with what the L2 was told (duration, L2 tags) and what the envelope says.</summary>
public sealed record StoredPayload(byte[] Payload, TimeSpan Duration, string[]? Tags)
{
    public DateTimeOffset EnvelopeExpiresAt => DateTimeOffset.FromUnixTimeMilliseconds(ReadHeader().ExpiresAt);

    public string[]? EnvelopeTags => ReadHeader().Tags;

    /// <summary>The value's JSON as text, to see exactly what was written.</summary>
    public string Json => System.Text.Encoding.UTF8.GetString(Payload, ReadHeader().Offset, Payload.Length - ReadHeader().Offset);

    private (long ExpiresAt, string[]? Tags, int Offset) ReadHeader()
    {
        Assert.True(L2Envelope.TryReadHeader(Payload, out long expiresAt, out string[]? tags, out int offset, out string? problem), problem);
        return (expiresAt, tags, offset);
    }
}
