namespace Storefront.Domain;

/// <summary>One line of a basket: what the customer asks for.</summary>
public sealed record OrderItem(long ProductId, int Quantity);

/// <summary>A basket line with the price read from the catalogue when the order is placed.</summary>
public sealed record PricedLine(long ProductId, int Quantity, decimal UnitPrice);

/// <summary>What an order costs: the subtotal, the volume discount and what the customer pays.</summary>
public sealed record OrderQuote(decimal Subtotal, decimal Discount, decimal Total);

/// <summary>The answer to a placed order.</summary>
public sealed record OrderReceipt(long OrderId, decimal Total);

/// <summary>An order as listed in a customer's history.</summary>
public sealed record OrderSummary(long Id, string Status, decimal Total, DateTime PlacedAt);

/// <summary>A line of a placed order, with the product's name.</summary>
public sealed record OrderLine(short LineNo, long ProductId, string ProductName, int Quantity, decimal UnitPrice);

/// <summary>An order with its lines.</summary>
public sealed record OrderDetails(long Id, long CustomerId, string Status, decimal Total, DateTime PlacedAt)
{
    public IReadOnlyList<OrderLine> Lines { get; init; } = [];
}

/// <summary>A payment provider's approval of an amount for an order.</summary>
public sealed record PaymentAuthorization(string Reference, decimal Amount);
