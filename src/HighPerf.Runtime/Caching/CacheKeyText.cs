using System;
using System.ComponentModel;

namespace HighPerf.Caching;

/// <summary>Formats key parts for generated <c>FormatKey</c> methods (L2 keys and backplane messages).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CacheKeyText
{
    /// <summary>
    /// A string key part as written into a formatted key <c>Method(part,part)</c>: <c>\</c> and <c>,</c> are escaped
    /// and null is <c>\0</c>, so two different argument lists never format to the same key. Returns the argument
    /// itself (no allocation) when there is nothing to escape.
    /// </summary>
    public static string Escape(string? part)
    {
        if (part is null)
        {
            return "\\0";
        }

        return part.AsSpan().IndexOfAny('\\', ',') < 0 ? part : part.Replace("\\", "\\\\").Replace(",", "\\,");
    }
}
