using HighPerf;
using Storefront.Domain;

namespace Storefront.Services;

/// <summary>Prices a basket: pure computation, so its tracked calls take microseconds and allocate nothing extra.</summary>
public static partial class PriceCalculator
{
    /// <summary>Baskets from this subtotal get <see cref="LargeBasketDiscountRate"/> off.</summary>
    public const decimal LargeBasketThreshold = 200m;

    public const decimal LargeBasketDiscountRate = 0.05m;

    [TrackPerformance]
    public static partial OrderQuote Quote(IReadOnlyList<PricedLine> lines);

    private static OrderQuote QuoteCore(IReadOnlyList<PricedLine> lines)
    {
        decimal subtotal = 0m;
        for (int i = 0; i < lines.Count; i++)
        {
            subtotal += lines[i].UnitPrice * lines[i].Quantity;
        }

        decimal discount = subtotal >= LargeBasketThreshold
            ? Math.Round(subtotal * LargeBasketDiscountRate, 2, MidpointRounding.ToEven)
            : 0m;
        return new OrderQuote(subtotal, discount, subtotal - discount);
    }
}
