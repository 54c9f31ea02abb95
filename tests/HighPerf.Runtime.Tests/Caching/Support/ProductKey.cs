using Xunit;
namespace HighPerf.Runtime.Tests.Caching.Support;

/// <summary>What the generator emits for <c>GetProductAsync(long id)</c>: a value-equal key struct.</summary>
public readonly record struct ProductKey(long Id)
{
    public static string Format(ProductKey key) => "product:" + key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
