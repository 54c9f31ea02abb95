using HighPerf.Analyzers.Sql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql.Rules;

public sealed class HP1008UnknownNameTests
{
    [Theory]
    [InlineData("SELECT id FROM invoices WHERE id = 1", "invoices", "table")]
    [InlineData("SELECT o.id FROM orders o JOIN shipments s ON s.order_id = o.id", "shipments", "table")]
    [InlineData("SELECT o.amount FROM orders o WHERE o.id = 1", "o.amount", "column")]
    [InlineData("SELECT id FROM orders WHERE legacy_code = 'x'", "legacy_code", "column")]
    [InlineData("SELECT id FROM products WHERE category = 'x'", "category", "column")]
    [InlineData("SELECT id FROM orders WHERE id IN (SELECT order_id FROM order_items WHERE sku = 'x')", "sku", "column")]
    [InlineData("INSERT INTO orders (id, amount) VALUES (1, 2)", "amount", "column")]
    [InlineData("UPDATE orders SET amount = 1 WHERE id = 1", "amount", "column")]
    [InlineData("DELETE FROM orders WHERE id = 1 RETURNING orders.amount", "orders.amount", "column")]
    [InlineData("SELECT public.orders.amount FROM public.orders WHERE id = 1", "public.orders.amount", "column")]
    public void Missing_table_or_column_is_reported_at_its_name(string sql, string span, string kind)
    {
        var finding = Assert.Single(SqlTestSchema.Check(sql, SqlRuleIds.UnknownName));

        Assert.Equal(span, SqlTestSchema.Span(sql, finding));
        Assert.Equal(new[] { kind, span }, finding.MessageArgs);
    }

    [Theory]
    [InlineData("SELECT ID, Status FROM ORDERS WHERE Customer_Id = 1")]
    [InlineData("SELECT id FROM products WHERE \"Category\" = 'x'")]
    [InlineData("SELECT id, customer_id FROM recent_orders WHERE whatever = 1")]
    [InlineData("WITH big AS (SELECT id AS order_id FROM orders) SELECT order_id FROM big WHERE order_id > 1")]
    [InlineData("SELECT x.total FROM (SELECT total FROM orders) x")]
    [InlineData("SELECT total AS amount FROM orders ORDER BY amount")]
    [InlineData("SELECT relname FROM pg_class WHERE relkind = 'r'")]
    [InlineData("SELECT table_name FROM information_schema.tables")]
    [InlineData("SELECT phone FROM customers WHERE id = 1")]
    [InlineData("SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND c.country = 'x')")]
    [InlineData("INSERT INTO orders AS o (id, status) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET status = excluded.status WHERE o.status <> 'y'")]
    [InlineData("SELECT row_to_json(o) FROM orders o WHERE o.id = 1")]
    [InlineData("SELECT extract(epoch FROM created_at), current_date FROM orders WHERE id = 1")]
    [InlineData("SELECT id FROM orders, unnest(ARRAY[1, 2]) AS u(n) WHERE n = id")]
    [InlineData("SELECT id FROM orders WHERE id = 1 AND ??? unparsable")]
    public void Known_or_unjudgeable_names_are_not_reported(string sql)
    {
        Assert.Empty(SqlTestSchema.Check(sql, SqlRuleIds.UnknownName));
    }

    [Fact]
    public void Without_a_schema_nothing_is_reported()
    {
        Assert.Empty(SqlTestSchema.Check("SELECT nope FROM nowhere", SqlRuleIds.UnknownName, SqlSchema.Empty));
    }
}
