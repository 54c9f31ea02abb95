using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HighPerf.Caching.Distributed;

/// <summary>
/// The L2 payload of one entry: a small binary header, then the value's UTF-8 JSON.
/// </summary>
/// <remarks>
/// <para>Layout, integers little-endian: <c>byte</c> format version (<see cref="CurrentVersion"/>); <c>int64</c>
/// absolute expiry in Unix milliseconds; <c>int32</c> tag count, then per tag an <c>int32</c> byte length and its UTF-8
/// bytes; then the JSON to the end of the payload.</para>
/// <para>The expiry lets a node that fills its L1 from L2 keep only the entry's remaining lifetime, and the tags (the
/// method's templates filled in plus the result's own) let tag invalidation reach that L1 copy. The version byte is
/// never a valid first byte of JSON, so a payload written before the envelope existed reads as an unknown version.</para>
/// </remarks>
public static class L2Envelope
{
    /// <summary>The format written by this version.</summary>
    public const byte CurrentVersion = 1;

    private const int FixedHeaderBytes = 1 + sizeof(long) + sizeof(int);

    /// <summary>Writes the header and serializes <paramref name="value"/> with <paramref name="typeInfo"/> after it.</summary>
    public static byte[] Write<TValue>(TValue value, JsonTypeInfo<TValue> typeInfo, long expiresAtUnixMilliseconds, string[]? tags)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var buffer = new ArrayBufferWriter<byte>(256);
        int tagCount = tags?.Length ?? 0;
        Span<byte> header = buffer.GetSpan(FixedHeaderBytes);
        header[0] = CurrentVersion;
        BinaryPrimitives.WriteInt64LittleEndian(header.Slice(1), expiresAtUnixMilliseconds);
        BinaryPrimitives.WriteInt32LittleEndian(header.Slice(1 + sizeof(long)), tagCount);
        buffer.Advance(FixedHeaderBytes);

        for (int i = 0; i < tagCount; i++)
        {
            string tag = tags![i];
            int length = Encoding.UTF8.GetByteCount(tag);
            Span<byte> span = buffer.GetSpan(sizeof(int) + length);
            BinaryPrimitives.WriteInt32LittleEndian(span, length);
            Encoding.UTF8.GetBytes(tag, span.Slice(sizeof(int)));
            buffer.Advance(sizeof(int) + length);
        }

        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads the header. False, with <paramref name="problem"/> set, for an unknown version or a truncated or
    /// inconsistent header; the value's JSON starts at <paramref name="valueOffset"/>.
    /// </summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> payload, out long expiresAtUnixMilliseconds, out string[]? tags,
        out int valueOffset, out string? problem)
    {
        expiresAtUnixMilliseconds = 0;
        tags = null;
        valueOffset = 0;
        if (payload.Length < FixedHeaderBytes)
        {
            problem = "payload shorter than the header";
            return false;
        }

        if (payload[0] != CurrentVersion)
        {
            problem = $"unknown format version {payload[0]}";
            return false;
        }

        expiresAtUnixMilliseconds = BinaryPrimitives.ReadInt64LittleEndian(payload.Slice(1));
        int tagCount = BinaryPrimitives.ReadInt32LittleEndian(payload.Slice(1 + sizeof(long)));
        int offset = FixedHeaderBytes;
        // Each tag takes at least its length prefix: a count beyond that is corrupt, whatever it claims.
        if (tagCount < 0 || tagCount > (payload.Length - offset) / sizeof(int))
        {
            problem = $"tag count {tagCount} does not fit the payload";
            return false;
        }

        string[]? read = tagCount == 0 ? null : new string[tagCount];
        for (int i = 0; i < tagCount; i++)
        {
            int length = payload.Length - offset >= sizeof(int) ? BinaryPrimitives.ReadInt32LittleEndian(payload.Slice(offset)) : -1;
            offset += sizeof(int);
            if (length < 0 || length > payload.Length - offset)
            {
                problem = $"tag {i} runs past the payload";
                return false;
            }

            read![i] = Encoding.UTF8.GetString(payload.Slice(offset, length));
            offset += length;
        }

        if (offset == payload.Length)
        {
            problem = "no value after the header";
            return false;
        }

        tags = read;
        valueOffset = offset;
        problem = null;
        return true;
    }
}
