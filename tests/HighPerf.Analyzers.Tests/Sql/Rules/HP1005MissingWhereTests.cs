using HighPerf.Analyzers.Sql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql.Rules;

public sealed class HP1005MissingWhereTests
{
    [Theory]
    [InlineData("UPDATE orders SET status = 'archived'", "UPDATE", "orders")]
    [InlineData("delete from order_items", "delete", "order_items")]
    [InlineData("DELETE FROM orders o USING customers c", "DELETE", "orders")]
    [InlineData("WITH gone AS (DELETE FROM orders RETURNING id) SELECT count(*) FROM gone", "DELETE", "orders")]
    [InlineData("UPDATE customers SET phone = NULL RETURNING id", "UPDATE", "customers")]
    public void Update_or_delete_without_where_is_reported_at_its_keyword(string sql, string keyword, string table)
    {
        var finding = Assert.Single(SqlTestSchema.Check(sql, SqlRuleIds.MissingWhere));

        Assert.Equal(keyword, SqlTestSchema.Span(sql, finding));
        Assert.Equal(new[] { keyword.ToUpperInvariant(), table }, finding.MessageArgs);
    }

    [Theory]
    [InlineData("UPDATE orders SET status = 'archived' WHERE id = @id")]
    [InlineData("DELETE FROM orders WHERE CURRENT OF order_cursor")]
    [InlineData("DELETE FROM orders o USING customers c WHERE c.id = o.customer_id")]
    [InlineData("SELECT id FROM orders WHERE id = 1 -- DELETE FROM orders")]
    [InlineData("INSERT INTO orders (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET status = 'x'")]
    public void Update_or_delete_with_where_is_not_reported(string sql)
    {
        Assert.Empty(SqlTestSchema.Check(sql, SqlRuleIds.MissingWhere));
    }

    [Fact]
    public void Missing_where_is_reported_without_a_schema()
    {
        Assert.Single(SqlTestSchema.Check("DELETE FROM anything", SqlRuleIds.MissingWhere, SqlSchema.Empty));
    }
}
