namespace HighPerf.Analyzers.Tests.Sql.Rules;

/// <summary>One HP1002 verdict: whether the rule reports <see cref="Table"/> for <see cref="Sql"/>.</summary>
public sealed record HP1002Case(string Name, string Sql, string Table, bool Reported)
{
    public override string ToString() => Name;
}

/// <summary>
/// The HP1002 suite. The unit tests check the analyzer's verdicts; the planner truth check runs the same queries
/// through EXPLAIN on PostgreSQL 15 and requires a Seq Scan on <see cref="HP1002Case.Table"/> exactly where the
/// rule reports, and an index scan where it is silent.
/// </summary>
public static class HP1002Cases
{
    internal static readonly HP1002Case[] All =
    {
        // Served: primary key, UNIQUE, leading column of a composite, equality prefix then range, DESC index.
        new("primary key equality", "SELECT id, total FROM orders WHERE id = @id", "orders", false),
        new("primary key IN list", "SELECT id FROM orders WHERE id IN (@a, @b, @c)", "orders", false),
        new("primary key IN a Dapper list parameter", "SELECT id FROM orders WHERE id IN @ids", "orders", false),
        new("primary key = ANY", "SELECT id FROM orders WHERE id = ANY(@ids)", "orders", false),
        new("unique constraint column", "SELECT id, name FROM customers WHERE email = @email", "customers", false),
        new("leading column of composite", "SELECT id FROM orders WHERE status = @status", "orders", false),
        new("equality prefix then range", "SELECT id FROM orders WHERE status = @status AND total > @minTotal", "orders", false),
        new("range on DESC index", "SELECT id FROM orders WHERE created_at >= @from AND created_at < @to", "orders", false),
        new("BETWEEN on indexed column", "SELECT id FROM orders o WHERE o.created_at BETWEEN @from AND @to", "orders", false),
        new("leading column of composite primary key", "SELECT line, quantity FROM order_items WHERE order_id = @id", "order_items", false),
        new("join into primary key", "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = @id", "customers", false),
        new("join into composite primary key", "SELECT i.quantity FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.status = @status", "order_items", false),
        new("order by indexed column with limit", "SELECT id FROM orders ORDER BY created_at DESC LIMIT 20", "orders", false),
        new("neutral filter beside a served one", "SELECT id FROM customers WHERE email = @email AND name <> @name", "customers", false),
        new("partial index implied by the query", "SELECT id FROM orders WHERE shipped_at IS NOT NULL AND shipped_at > @shippedAfter", "orders", false),
        new("update by primary key", "UPDATE orders SET status = @status WHERE id = @id", "orders", false),
        new("delete by primary key", "DELETE FROM customers WHERE id = @id", "customers", false),
        new("parameter written on the left", "SELECT id FROM orders WHERE @id = id", "orders", false),
        new("equality prefix then order by with limit", "SELECT id FROM orders WHERE status = @status ORDER BY total LIMIT 5", "orders", false),
        new("join into primary key from a filtered composite", "SELECT c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = @status", "customers", false),
        new("update joined through a primary key", "UPDATE order_items i SET quantity = 0 FROM orders o WHERE o.id = i.order_id AND o.id = @id", "order_items", false),
        new("expression index matching exactly", "SELECT id FROM products p WHERE LOWER(p.sku) = @sku", "products", false),
        new("expression index beside an unindexed range", "SELECT id FROM products WHERE price > @low AND lower(sku) = @sku", "products", false),
        new("served filter inside a CTE", "WITH o AS (SELECT id, total FROM orders WHERE id = @id) SELECT total FROM o", "orders", false),

        // Not served: foreign key (PostgreSQL does not index it), non-leading composite column, plain columns.
        new("foreign key column", "SELECT id FROM orders WHERE customer_id = @customerId", "orders", true),
        new("second column of composite alone", "SELECT id FROM orders WHERE total > @minTotal AND total < @maxTotal", "orders", true),
        new("unindexed column", "SELECT id FROM customers WHERE country = @country", "customers", true),
        new("unindexed range", "SELECT id FROM customers c WHERE c.created_at > @from AND c.created_at < @to", "customers", true),
        new("BETWEEN on unindexed column", "SELECT id FROM products WHERE price BETWEEN @low AND @high", "products", true),
        new("join on unindexed foreign key", "SELECT o.id FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.email = @email", "orders", true),
        new("order by unindexed column with limit", "SELECT id FROM customers ORDER BY name LIMIT 10", "customers", true),
        new("delete by unindexed foreign key", "DELETE FROM order_items WHERE product_id = @productId", "order_items", true),
        new("update by unindexed column", "UPDATE customers SET phone = @phone WHERE name = @name", "customers", true),
        new("quoted column", "SELECT id FROM products WHERE \"Category\" = @category", "products", true),
        new("IN list on unindexed column", "SELECT id FROM customers WHERE country IN (@country, 'c7')", "customers", true),
        new("= ANY on foreign key", "SELECT id FROM orders WHERE customer_id = ANY(@ids)", "orders", true),
        new("left join into unindexed foreign key", "SELECT c.id, o.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE c.id = @id", "orders", true),
        new("unindexed foreign key of a composite-key table", "SELECT order_id FROM order_items WHERE product_id = @productId AND quantity > 0", "order_items", true),
        new("unindexed filter beside an unmatched function", "SELECT id FROM products WHERE name = @productName AND upper(sku) = @sku", "products", true),
        new("unindexed filter inside a CTE", "WITH o AS (SELECT id, total FROM orders WHERE customer_id = @customerId) SELECT total FROM o", "orders", true),
    };

    /// <summary>Literal values for the parameters, so the planner sees selective constants.</summary>
    internal static readonly Dictionary<string, string> Literals = new()
    {
        ["@id"] = "42",
        ["@a"] = "1",
        ["@b"] = "2",
        ["@c"] = "3",
        ["@ids"] = "ARRAY[1, 2, 3]::bigint[]",
        ["@email"] = "'user42@example.com'",
        ["@status"] = "'s42'",
        ["@minTotal"] = "100",
        ["@maxTotal"] = "100.5",
        ["@from"] = "'2026-01-10 00:00:00+00'",
        ["@to"] = "'2026-01-10 01:00:00+00'",
        ["@shippedAfter"] = "'2026-03-10 00:00:00+00'",
        ["@name"] = "'name42'",
        ["@customerId"] = "42",
        ["@country"] = "'c42'",
        ["@low"] = "10",
        ["@high"] = "10.5",
        ["@productId"] = "42",
        ["@phone"] = "'p1'",
        ["@category"] = "'cat42'",
        ["@sku"] = "'sku42'",
        ["@productName"] = "'product42'",
    };

    public static IEnumerable<object[]> Data() => All.Select(c => new object[] { c });
}
