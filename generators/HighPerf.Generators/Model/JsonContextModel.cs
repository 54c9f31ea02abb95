namespace HighPerf.Generators.Model;

/// <summary>
/// A <c>[CacheJsonContext]</c> as data: the context's fully qualified name (<c>global::App.AppJsonContext</c>), or
/// <see cref="IsInvalid"/> when the attribute names something that is not a usable <c>JsonSerializerContext</c> (the
/// analyzer reports it, and the methods it governs are not generated).
/// </summary>
internal sealed record JsonContextModel(string? TypeName, bool IsInvalid)
{
    public static readonly JsonContextModel None = new(null, IsInvalid: false);
}
