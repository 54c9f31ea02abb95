using System;

namespace HighPerf;

/// <summary>
/// After the annotated partial method completes successfully, removes the entry of the <see cref="CachedAttribute"/>
/// method <see cref="MethodName"/> (declared in the same type) whose key is built from this method's parameters of the
/// same names. The entry goes from this process, the L2 tier and, through the backplane, every other node.
/// </summary>
/// <remarks>
/// Every key parameter of the cached method must exist here with the same name and type; the cached method's
/// <see cref="CachedAttribute.KeyMembers"/> are read from this instance. Nothing is removed when the method throws.
/// Repeat the attribute to invalidate several cached methods.
/// </remarks>
/// <example>
/// <code>
/// [InvalidatesCache(nameof(GetProductAsync))]
/// public partial Task UpdatePriceAsync(long id, decimal price, CancellationToken ct = default);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class InvalidatesCacheAttribute : PipelineStageAttribute
{
    /// <param name="methodName">The cached method, best written <c>nameof(GetProductAsync)</c>.</param>
    public InvalidatesCacheAttribute(string methodName) => MethodName = methodName;

    /// <summary>The name of the <see cref="CachedAttribute"/> method whose entry is removed.</summary>
    public string MethodName { get; }
}
