using System.Globalization;

namespace HighPerf.CacheNode;

/// <summary>The key struct the generator would emit for a method <c>Get(long id)</c>.</summary>
public readonly record struct NodeKey(long Id)
{
    public static string Format(NodeKey key) => "node:" + key.Id.ToString(CultureInfo.InvariantCulture);
}
