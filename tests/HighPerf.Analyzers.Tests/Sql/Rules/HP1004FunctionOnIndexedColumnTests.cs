using HighPerf.Analyzers.Sql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql.Rules;

public sealed class HP1004FunctionOnIndexedColumnTests
{
    [Fact]
    public void Function_around_a_unique_column_is_reported_with_an_expression_index_suggestion()
    {
        const string sql = "SELECT id FROM customers c WHERE LOWER(c.email) = @email";

        var finding = Assert.Single(SqlTestSchema.Check(sql, SqlRuleIds.FunctionOnIndexedColumn));

        Assert.Equal("LOWER(c.email)", SqlTestSchema.Span(sql, finding));
        Assert.Equal(new[] { "lower(email)", "customers.email", "CREATE INDEX CONCURRENTLY ix_customers_lower_email ON customers ((lower(email)));" }, finding.MessageArgs);
    }

    [Theory]
    [InlineData("SELECT id FROM orders WHERE created_at::date = @day", "created_at::date")]
    [InlineData("SELECT id FROM orders WHERE date_trunc('day', created_at) BETWEEN @a AND @b", "date_trunc('day', created_at)")]
    [InlineData("SELECT id FROM orders WHERE coalesce(status, '') IN ('a', 'b')", "coalesce(status, '')")]
    [InlineData("SELECT id FROM orders WHERE CAST(id AS text) = @id", "CAST(id AS text)")]
    [InlineData("DELETE FROM orders WHERE upper(status) = 'X'", "upper(status)")]
    public void Function_or_cast_around_a_leading_index_column_is_reported(string sql, string span)
    {
        var finding = Assert.Single(SqlTestSchema.Check(sql, SqlRuleIds.FunctionOnIndexedColumn));

        Assert.Equal(span, SqlTestSchema.Span(sql, finding));
    }

    [Theory]
    [InlineData("SELECT id FROM products WHERE lower(sku) = @sku")]
    [InlineData("SELECT id FROM products p WHERE LOWER(p.sku) = @sku")]
    [InlineData("SELECT id FROM customers WHERE email::text = @email")]
    [InlineData("SELECT id FROM orders WHERE id::bigint = @id")]
    [InlineData("SELECT id FROM customers WHERE lower(country) = @c")]
    [InlineData("SELECT id FROM orders WHERE total::int = 5")]
    [InlineData("SELECT id FROM customers WHERE email = lower(@email)")]
    [InlineData("SELECT id FROM customers WHERE lower(email) = lower(email)")]
    [InlineData("SELECT count(id) FROM orders HAVING count(id) > 5")]
    public void Served_or_unjudgeable_expressions_are_not_reported(string sql)
    {
        Assert.Empty(SqlTestSchema.Check(sql, SqlRuleIds.FunctionOnIndexedColumn));
    }

    [Fact]
    public void Without_a_schema_nothing_is_reported()
    {
        Assert.Empty(SqlTestSchema.Check("SELECT id FROM customers WHERE lower(email) = @e", SqlRuleIds.FunctionOnIndexedColumn, SqlSchema.Empty));
    }
}
