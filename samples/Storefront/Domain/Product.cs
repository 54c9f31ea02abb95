namespace Storefront.Domain;

/// <summary>A row of <c>products</c>. Property names match the columns once underscores are ignored (see Program).</summary>
public sealed record Product(long Id, string Sku, string Name, string Category, decimal UnitPrice, int Stock);
