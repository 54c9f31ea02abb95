using HighPerf.Analyzers.Sql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql.Rules;

public sealed class HP1009UnboundedSelectTests
{
    [Theory]
    [InlineData("SELECT id, name FROM customers", "customers")]
    [InlineData("SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id", "orders")]
    [InlineData("SELECT status, count(*) FROM orders GROUP BY status", "orders")]
    [InlineData("SELECT id FROM orders UNION SELECT id FROM customers WHERE id = 1", "orders")]
    public void Select_with_neither_where_nor_limit_is_reported_at_the_table(string sql, string table)
    {
        var finding = Assert.Single(SqlTestSchema.Check(sql, SqlRuleIds.UnboundedSelect));

        Assert.Equal(table, finding.MessageArgs[0]);
        Assert.Equal(table, SqlTestSchema.Span(sql, finding));
    }

    [Theory]
    [InlineData("SELECT id FROM customers WHERE country = 'x'")]
    [InlineData("SELECT id FROM customers ORDER BY id LIMIT 10")]
    [InlineData("SELECT id FROM customers ORDER BY id FETCH FIRST 10 ROWS ONLY")]
    [InlineData("SELECT count(*) FROM orders")]
    [InlineData("SELECT max(total), min(total) FROM orders")]
    [InlineData("SELECT 1")]
    [InlineData("WITH x AS (SELECT id FROM orders WHERE id = 1) SELECT id FROM x")]
    [InlineData("SELECT id FROM (SELECT id FROM orders) s LIMIT 5")]
    [InlineData("INSERT INTO order_items (order_id, line, product_id, quantity) SELECT id, 1, 1, 1 FROM orders")]
    [InlineData("SELECT id FROM customers WHERE id IN (SELECT customer_id FROM orders)")]
    public void Bounded_or_aggregate_selects_are_not_reported(string sql)
    {
        Assert.Empty(SqlTestSchema.Check(sql, SqlRuleIds.UnboundedSelect));
    }

    [Fact]
    public void Unbounded_select_is_reported_without_a_schema()
    {
        Assert.Single(SqlTestSchema.Check("SELECT a FROM anything", SqlRuleIds.UnboundedSelect, SqlSchema.Empty));
    }
}
