using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>A valid <c>[InvalidatesCache]</c> target: the cached method, and its type when it is not the invalidating one.</summary>
/// <param name="Cached">The cached method as seen from the invalidating method: for a closed generic target type, with
/// its type arguments substituted into the key parameter types.</param>
/// <param name="OtherType">The type declaring the cached method when it differs from the invalidating method's type;
/// its entries are then removed through the generated <c>__HighPerf_&lt;Method&gt;_Invalidate</c> accessor.</param>
internal sealed record InvalidationTarget(CachedShape Cached, INamedTypeSymbol? OtherType)
{
    /// <summary>The cached method as declared, which is what the generator writes and names its members after.</summary>
    public IMethodSymbol Definition => Cached.Method.OriginalDefinition;

    /// <summary>Declared in a referenced assembly: already compiled, with its accessor or without it.</summary>
    public bool IsFromMetadata => Definition.DeclaringSyntaxReferences.IsEmpty;
}
