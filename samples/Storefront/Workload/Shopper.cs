using Storefront.Database;
using Storefront.Domain;
using Storefront.Services;

namespace Storefront.Workload;

/// <summary>
/// One visit to the shop, picked at random the way traffic usually splits: mostly browsing, some account pages,
/// a quarter of visits ending in a checkout.
/// </summary>
public sealed class Shopper(
    CatalogService catalog, CustomerService customers, OrderService orders, Checkout checkout, SeedSummary seed, WorkloadTally tally)
{
    private const int CategoryPageSize = 20;
    private const int HistoryLength = 10;

    /// <summary>How often a basket includes a limited edition, which sells out within the first few orders.</summary>
    private const double LimitedEditionShare = 0.08;

    public Task VisitAsync(Random random, CancellationToken cancellationToken) => random.Next(100) switch
    {
        < 40 => ViewProductAsync(random, cancellationToken),
        < 55 => BrowseCategoryAsync(random, cancellationToken),
        < 65 => ViewHistoryAsync(random, cancellationToken),
        < 75 => ViewOrderAsync(random, cancellationToken),
        _ => checkout.RunAsync(RandomCustomer(random), RandomBasket(random), cancellationToken),
    };

    private async Task ViewProductAsync(Random random, CancellationToken cancellationToken)
    {
        _ = await catalog.GetProductAsync(RandomProduct(random), cancellationToken)
            ?? throw new InvalidOperationException("A seeded product is missing.");
        tally.ProductViewed();
    }

    private async Task BrowseCategoryAsync(Random random, CancellationToken cancellationToken)
    {
        string category = seed.Categories[random.Next(seed.Categories.Count)];
        long afterId = 0;
        // Up to three pages, each continuing after the last product shown (keyset pagination).
        for (int page = random.Next(1, 4); page > 0; page--)
        {
            IReadOnlyList<Product> products = await catalog.GetCategoryPageAsync(category, afterId, CategoryPageSize, cancellationToken);
            if (products.Count == 0)
            {
                break;
            }

            afterId = products[^1].Id;
        }

        tally.CategoryPageViewed();
    }

    private async Task ViewHistoryAsync(Random random, CancellationToken cancellationToken)
    {
        _ = await customers.GetRecentOrdersAsync(RandomCustomer(random), HistoryLength, cancellationToken);
        tally.HistoryViewed();
    }

    private async Task ViewOrderAsync(Random random, CancellationToken cancellationToken)
    {
        _ = await orders.GetOrderAsync(random.NextInt64(1, seed.Orders + 1), cancellationToken)
            ?? throw new InvalidOperationException("A seeded order is missing.");
        tally.OrderViewed();
    }

    private List<OrderItem> RandomBasket(Random random)
    {
        var basket = new List<OrderItem>(3);
        if (random.NextDouble() < LimitedEditionShare)
        {
            int limitedEditions = seed.Products / seed.LimitedEditionEvery;
            basket.Add(new OrderItem((long)random.Next(1, limitedEditions + 1) * seed.LimitedEditionEvery, 1));
        }

        for (int lines = random.Next(1, 4); basket.Count < lines;)
        {
            long productId = RandomProduct(random);
            if (!basket.Exists(item => item.ProductId == productId))
            {
                basket.Add(new OrderItem(productId, random.Next(1, 4)));
            }
        }

        return basket;
    }

    private long RandomProduct(Random random) => random.NextInt64(1, seed.Products + 1);

    private long RandomCustomer(Random random) => random.NextInt64(1, seed.Customers + 1);
}
