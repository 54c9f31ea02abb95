using System.Globalization;

namespace HighPerf.CacheNode;

/// <summary>The key struct the generator would emit for a method <c>Get(long id)</c>.</summary>
public readonly record struct NodeKey(long Id)
{
    private const string Prefix = "node:";

    public static string Format(NodeKey key) => Prefix + key.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads back a key written by <see cref="Format"/> (what a backplane message carries).</summary>
    public static bool TryParse(string? formatted, out long id)
    {
        id = 0;
        return formatted is not null
            && formatted.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(formatted.AsSpan(Prefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id);
    }
}
