using HighPerf.Analyzers.Sql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql.Rules;

public sealed class HP1010CartesianJoinTests
{
    [Theory]
    [InlineData("SELECT o.id FROM orders o, customers c WHERE o.id = 1", "customers c", "c")]
    [InlineData("SELECT o.id FROM orders o, customers c", "customers c", "c")]
    [InlineData("SELECT o.id FROM orders o JOIN customers c ON true WHERE o.id = 1", "JOIN", "c")]
    [InlineData("SELECT o.id FROM orders o LEFT JOIN customers c ON 1 = 1 WHERE o.id = 1", "JOIN", "c")]
    [InlineData("SELECT o.id FROM orders o, customers c, products p WHERE o.customer_id = c.id", "products p", "p")]
    public void Join_without_a_condition_is_reported(string sql, string span, string name)
    {
        var finding = Assert.Single(SqlTestSchema.Check(sql, SqlRuleIds.CartesianJoin));

        Assert.Equal(span, SqlTestSchema.Span(sql, finding));
        Assert.Equal(name, finding.MessageArgs[0]);
    }

    [Theory]
    [InlineData("SELECT o.id FROM orders o, customers c WHERE c.id = o.customer_id")]
    [InlineData("SELECT o.id FROM orders o CROSS JOIN customers c")]
    [InlineData("SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id")]
    [InlineData("SELECT o.id FROM orders o JOIN customers c USING (id)")]
    [InlineData("SELECT o.id FROM orders o NATURAL JOIN customers c")]
    [InlineData("WITH p AS (SELECT 1 AS n) SELECT o.id FROM orders o, p")]
    [InlineData("SELECT o.id FROM orders o, (SELECT now() AS t) s")]
    [InlineData("SELECT o.id FROM orders o, unnest(ARRAY[1, 2]) u")]
    [InlineData("SELECT o.id FROM orders o, customers c WHERE o.customer_id IN (SELECT id FROM customers WHERE c.id = 1)")]
    public void Joined_or_intentional_cross_joins_are_not_reported(string sql)
    {
        Assert.Empty(SqlTestSchema.Check(sql, SqlRuleIds.CartesianJoin));
    }

    [Fact]
    public void Qualified_comma_join_is_judged_without_a_schema()
    {
        Assert.Single(SqlTestSchema.Check("SELECT a.x FROM a, b WHERE a.y = 1", SqlRuleIds.CartesianJoin, SqlSchema.Empty));
        Assert.Empty(SqlTestSchema.Check("SELECT a.x FROM a, b WHERE a.y = b.y", SqlRuleIds.CartesianJoin, SqlSchema.Empty));
        Assert.Empty(SqlTestSchema.Check("SELECT a.x FROM a, b WHERE y = 1", SqlRuleIds.CartesianJoin, SqlSchema.Empty));
    }
}
