using Dapper;
using Npgsql;

namespace Storefront.Database;

/// <summary>What the seeded catalogue looks like, so the workload only asks for rows that exist.</summary>
/// <param name="LimitedEditionEvery">Every product whose id is a multiple of this has almost no stock.</param>
public sealed record SeedSummary(int Products, int Customers, int Orders, int OrderLines, IReadOnlyList<string> Categories, int LimitedEditionEvery);

/// <summary>
/// Fills the fresh schema with a few thousand rows. The server generates them (generate_series), seeded so that
/// every run gets the same catalogue; identities start at 1 because the schema was just created.
/// </summary>
public static class DatabaseSeeder
{
    public static readonly IReadOnlyList<string> Categories = ["books", "games", "garden", "kitchen", "music", "outdoor", "tools", "toys"];

    private const int ProductCount = 500;
    private const int CustomerCount = 2_000;
    private const int OrderCount = 3_000;
    private const int LimitedEditionEvery = 50;

    public static async Task<SeedSummary> SeedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);

        await connection.ExecuteAsync(new CommandDefinition(
            """
            SELECT setseed(0.42);

            INSERT INTO products (sku, name, category, unit_price, stock)
            SELECT 'SKU-' || lpad(n::text, 5, '0'),
                   initcap(category) || ' item ' || n,
                   category,
                   round((5 + random() * 145)::numeric, 2),
                   -- Limited editions: 0 to 3 left, so some baskets are refused by the stock constraint.
                   CASE WHEN n % @limitedEditionEvery = 0 THEN n % 4 ELSE 100000 END
            FROM generate_series(1, @productCount) AS n
            CROSS JOIN LATERAL (SELECT (@categories::text[])[1 + n % cardinality(@categories::text[])] AS category) AS c;

            INSERT INTO customers (email, name)
            SELECT 'customer' || n || '@example.com', 'Customer ' || n
            FROM generate_series(1, @customerCount) AS n;

            INSERT INTO orders (customer_id, status, total, placed_at)
            SELECT 1 + floor(random() * @customerCount)::bigint, 'paid', 0, now() - random() * interval '365 days'
            FROM generate_series(1, @orderCount) AS n;

            INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price)
            SELECT o.id, l.line_no, p.id, 1 + (o.id + l.line_no) % 3, p.unit_price
            FROM orders AS o
            CROSS JOIN LATERAL generate_series(1, 1 + (o.id % 3)::int) AS l(line_no)
            JOIN products AS p ON p.id = 1 + (o.id * 7 + l.line_no * 13) % @productCount;

            UPDATE orders AS o
            SET total = t.total
            FROM (SELECT order_id, sum(quantity * unit_price) AS total FROM order_lines GROUP BY order_id) AS t
            WHERE t.order_id = o.id;
            """,
            new
            {
                productCount = ProductCount,
                customerCount = CustomerCount,
                orderCount = OrderCount,
                limitedEditionEvery = LimitedEditionEvery,
                categories = Categories.ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));

        int orderLines = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM order_lines WHERE order_id <= @orderCount",
            new { orderCount = OrderCount }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);

        // Fresh statistics, so the first queries of the workload get the plans they will keep.
        await connection.ExecuteAsync(new CommandDefinition("ANALYZE products, customers, orders, order_lines", cancellationToken: cancellationToken));
        return new SeedSummary(ProductCount, CustomerCount, OrderCount, orderLines, Categories, LimitedEditionEvery);
    }
}
