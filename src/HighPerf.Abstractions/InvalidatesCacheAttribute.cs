using System;

namespace HighPerf;

/// <summary>
/// After the annotated partial method completes successfully, removes the entry of the <see cref="CachedAttribute"/>
/// method <see cref="MethodName"/> whose key is built from this method's parameters of the same names. The cached
/// method is declared in the same type, or in <see cref="TargetType"/>. The entry goes from this process, the L2 tier
/// and, through the backplane, every other node.
/// </summary>
/// <remarks>
/// <para>Every key parameter of the cached method must exist here with the same name and type. Nothing is removed when
/// the method throws. Repeat the attribute to invalidate several cached methods.</para>
/// <para>In the same type, the cached method's <see cref="CachedAttribute.KeyMembers"/> are read from this instance.
/// Another type's cached method must be accessible here, its type closed (<c>typeof(Repository&lt;Product&gt;)</c>,
/// not <c>typeof(Repository&lt;&gt;)</c>), and its key members static: instance state of another object cannot be read.</para>
/// </remarks>
/// <example>
/// <code>
/// [InvalidatesCache(nameof(GetProductAsync))]
/// public partial Task UpdatePriceAsync(long id, decimal price, CancellationToken ct = default);
///
/// // In OrderService: the stock is cached by ProductRepository.
/// [InvalidatesCache(typeof(ProductRepository), nameof(ProductRepository.GetStockAsync))]
/// public partial Task PlaceOrderAsync(long productId, int quantity, CancellationToken ct = default);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class InvalidatesCacheAttribute : PipelineStageAttribute
{
    /// <param name="methodName">The cached method of the same type, best written <c>nameof(GetProductAsync)</c>.</param>
    public InvalidatesCacheAttribute(string methodName) => MethodName = methodName;

    /// <param name="targetType">The type that declares the cached method, e.g. <c>typeof(ProductRepository)</c>.</param>
    /// <param name="methodName">The cached method, best written <c>nameof(ProductRepository.GetStockAsync)</c>.</param>
    public InvalidatesCacheAttribute(Type targetType, string methodName)
    {
        TargetType = targetType;
        MethodName = methodName;
    }

    /// <summary>The type that declares the cached method; null when it is the type of the annotated method.</summary>
    public Type? TargetType { get; }

    /// <summary>The name of the <see cref="CachedAttribute"/> method whose entry is removed.</summary>
    public string MethodName { get; }
}
