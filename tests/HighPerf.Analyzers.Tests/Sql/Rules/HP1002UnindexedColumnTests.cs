using HighPerf.Analyzers.Sql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql.Rules;

public sealed class HP1002UnindexedColumnTests
{
    [Theory]
    [MemberData(nameof(HP1002Cases.Data), MemberType = typeof(HP1002Cases))]
    public void Suite_case_gets_the_expected_verdict(HP1002Case testCase)
    {
        var findings = SqlTestSchema.Check(testCase.Sql, SqlRuleIds.UnindexedColumn);

        Assert.Equal(testCase.Reported, findings.Any(f => f.MessageArgs[0] == testCase.Table));
    }

    [Fact]
    public void Foreign_key_column_is_reported_with_an_index_suggestion_at_the_column()
    {
        const string sql = "SELECT id, total FROM orders WHERE customer_id = @customerId";

        var finding = Assert.Single(SqlTestSchema.Check(sql, SqlRuleIds.UnindexedColumn));

        Assert.Equal("customer_id", SqlTestSchema.Span(sql, finding));
        Assert.Equal("orders", finding.MessageArgs[0]);
        Assert.Equal("'customer_id'", finding.MessageArgs[1]);
        Assert.Equal("CREATE INDEX CONCURRENTLY ix_orders_customer_id ON orders (customer_id);", finding.MessageArgs[2]);
    }

    [Fact]
    public void Suggestion_puts_equality_columns_before_the_range_column()
    {
        const string sql = "SELECT id FROM customers WHERE created_at > @from AND country = @country";

        var finding = Assert.Single(SqlTestSchema.Check(sql, SqlRuleIds.UnindexedColumn));

        Assert.Equal("CREATE INDEX CONCURRENTLY ix_customers_country_created_at ON customers (country, created_at);", finding.MessageArgs[2]);
    }

    [Theory]
    [InlineData("SELECT id FROM orders WHERE customer_id = 1 OR id = 2", "orders")]
    [InlineData("SELECT id FROM orders WHERE (customer_id = 1 OR note = 'x') AND total > 5", "orders")]
    [InlineData("SELECT id FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE country = 'x')", "orders")]
    [InlineData("SELECT id FROM orders WHERE customer_id = 1 AND note IS NULL", "orders")]
    [InlineData("SELECT id FROM orders WHERE note LIKE 'abc%'", "orders")]
    [InlineData("SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id", "orders")]
    [InlineData("SELECT x.id FROM (SELECT id, customer_id FROM orders) x WHERE x.customer_id = 1", "orders")]
    [InlineData("WITH x AS (SELECT id, customer_id FROM orders) SELECT id FROM x WHERE customer_id = 1", "orders")]
    [InlineData("SELECT id FROM recent_orders WHERE customer_id = 1", "recent_orders")]
    [InlineData("SELECT id FROM orders WHERE customer_id = 1 AND total = !!! 3", "orders")]
    [InlineData("SELECT id FROM orders WHERE shipped_at > @from", "orders")]
    [InlineData("SELECT id FROM products WHERE upper(name) = @x", "products")]
    [InlineData("SELECT id FROM customers WHERE lower(email) = @email", "customers")]
    [InlineData("SELECT id FROM customers ORDER BY name", "customers")]
    [InlineData("SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)", "orders")]
    public void Condition_the_rule_cannot_judge_gets_no_opinion(string sql, string table)
    {
        Assert.DoesNotContain(SqlTestSchema.Check(sql, SqlRuleIds.UnindexedColumn), f => f.MessageArgs[0] == table);
    }

    [Fact]
    public void Subquery_is_judged_as_its_own_level()
    {
        const string sql = "SELECT id FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE country = @country)";

        var finding = Assert.Single(SqlTestSchema.Check(sql, SqlRuleIds.UnindexedColumn));

        Assert.Equal("customers", finding.MessageArgs[0]);
        Assert.Equal("country", SqlTestSchema.Span(sql, finding));
    }

    [Fact]
    public void Without_a_schema_nothing_is_reported()
    {
        Assert.Empty(SqlTestSchema.Check("SELECT id FROM orders WHERE customer_id = 1", SqlRuleIds.UnindexedColumn, SqlSchema.Empty));
    }

    [Fact]
    public void Index_added_by_a_later_migration_serves_the_column()
    {
        var files = SqlTestSchema.Files.Append(new SqlSchemaFile("db/migrations/005_fk_index.sql", "CREATE INDEX ix_orders_customer_id ON orders (customer_id);"));
        var schema = SqlSchema.Parse(files, CancellationToken.None);

        Assert.Empty(SqlTestSchema.Check("SELECT id FROM orders WHERE customer_id = 1", SqlRuleIds.UnindexedColumn, schema));
    }

    [Fact]
    public void Dropped_index_no_longer_serves_the_column()
    {
        var files = SqlTestSchema.Files.Append(new SqlSchemaFile("db/migrations/005_drop.sql", "DROP INDEX IF EXISTS public.ix_orders_status_total;"));
        var schema = SqlSchema.Parse(files, CancellationToken.None);

        Assert.Single(SqlTestSchema.Check("SELECT id FROM orders WHERE status = 's'", SqlRuleIds.UnindexedColumn, schema));
    }
}
