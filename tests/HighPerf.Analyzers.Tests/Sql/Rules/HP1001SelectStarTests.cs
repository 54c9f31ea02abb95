using HighPerf.Analyzers.Sql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql.Rules;

public sealed class HP1001SelectStarTests
{
    [Theory]
    [InlineData("SELECT * FROM orders WHERE id = @id", "*")]
    [InlineData("SELECT o.* FROM orders o WHERE o.id = @id", "o.*")]
    [InlineData("SELECT id, c.* FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = 1", "c.*")]
    [InlineData("WITH x AS (SELECT * FROM orders WHERE id = 1) SELECT id FROM x", "*")]
    [InlineData("SELECT id FROM orders WHERE id = 1 UNION ALL SELECT * FROM orders WHERE id = 2", "*")]
    [InlineData("select\n  *\nfrom orders where id = 1", "*")]
    public void Star_in_select_list_is_reported_at_the_star(string sql, string expectedSpan)
    {
        var finding = Assert.Single(SqlTestSchema.Check(sql, SqlRuleIds.SelectStar));

        Assert.Equal(expectedSpan, SqlTestSchema.Span(sql, finding));
        Assert.Equal(expectedSpan, finding.MessageArgs[0]);
    }

    [Theory]
    [InlineData("SELECT count(*) FROM orders WHERE status = @s")]
    [InlineData("SELECT id, '*' AS star FROM orders WHERE id = 1")]
    [InlineData("SELECT id /* SELECT * */ FROM orders -- SELECT *\nWHERE id = 1")]
    [InlineData("SELECT id, total * 2 FROM orders WHERE id = 1")]
    [InlineData("SELECT id FROM customers c WHERE EXISTS (SELECT * FROM orders o WHERE o.customer_id = c.id)")]
    [InlineData("SELECT $$ SELECT * FROM x $$ AS q")]
    [InlineData("SELECT \"*\" FROM orders WHERE id = 1")]
    public void Star_outside_a_select_list_is_not_reported(string sql)
    {
        Assert.Empty(SqlTestSchema.Check(sql, SqlRuleIds.SelectStar, SqlSchema.Empty));
    }

    [Fact]
    public void Star_is_reported_without_a_schema()
    {
        Assert.Single(SqlTestSchema.Check("SELECT * FROM anything", SqlRuleIds.SelectStar, SqlSchema.Empty));
    }
}
