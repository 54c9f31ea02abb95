using System;
using System.Buffers;
using System.Text.Json;

namespace HighPerf.Caching.Distributed.Backplane;

/// <summary>
/// The wire format of backplane messages: a small JSON object written and read by hand with
/// <see cref="Utf8JsonWriter"/>/<see cref="Utf8JsonReader"/> (no reflection, trim- and AOT-safe).
/// <code>{"v":1,"kind":"key","method":"Shop.ProductService.GetProductAsync","key":"42","tag":null,"node":"web-1-...","ts":1764259200000}</code>
/// Unknown properties are ignored, so a newer sender can add fields without breaking older receivers.
/// </summary>
internal static class CacheInvalidationJson
{
    private const int Version = 1;

    public static byte[] Write(in CacheInvalidation message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("kind", KindName(message.Kind));
            writer.WriteString("method", message.MethodName);
            writer.WriteString("key", message.Key);
            writer.WriteString("tag", message.Tag);
            writer.WriteString("node", message.OriginNodeId);
            writer.WriteNumber("ts", message.TimestampUnixMs);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads one message; false (with the reason) when the payload is not one of ours.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, out CacheInvalidation message, out string? error)
    {
        message = default;
        error = null;
        CacheInvalidationKind? kind = null;
        string? method = null, key = null, tag = null, node = null;
        long timestamp = 0;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "not a JSON object";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "kind": kind = ParseKind(reader.GetString()); break;
                    case "method": method = reader.GetString(); break;
                    case "key": key = reader.GetString(); break;
                    case "tag": tag = reader.GetString(); break;
                    case "node": node = reader.GetString(); break;
                    case "ts": timestamp = reader.GetInt64(); break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            error = exception.Message;
            return false;
        }

        error = (kind, node) switch
        {
            (null, _) => "missing or unknown 'kind'",
            (_, null) => "missing 'node'",
            (CacheInvalidationKind.Key, _) when key is null || string.IsNullOrEmpty(method) => "a key message needs 'method' and 'key'",
            (CacheInvalidationKind.Tag, _) when tag is null => "a tag message needs 'tag'",
            (CacheInvalidationKind.Method, _) when string.IsNullOrEmpty(method) => "a method message needs 'method'",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        message = new CacheInvalidation(kind!.Value, method ?? string.Empty, key, tag, node!, timestamp);
        return true;
    }

    private static string KindName(CacheInvalidationKind kind) => kind switch
    {
        CacheInvalidationKind.Key => "key",
        CacheInvalidationKind.Tag => "tag",
        CacheInvalidationKind.Method => "method",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown invalidation kind."),
    };

    private static CacheInvalidationKind? ParseKind(string? name) => name switch
    {
        "key" => CacheInvalidationKind.Key,
        "tag" => CacheInvalidationKind.Tag,
        "method" => CacheInvalidationKind.Method,
        _ => null,
    };
}
