using HighPerf.Analyzers.Sql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql.Rules;

public sealed class HP1003LeadingWildcardTests
{
    [Theory]
    [InlineData("SELECT id FROM customers WHERE name LIKE '%smith'", "'%smith'")]
    [InlineData("SELECT id FROM customers WHERE name ILIKE '_mith%'", "'_mith%'")]
    [InlineData("SELECT id FROM customers WHERE name NOT LIKE '%x%'", "'%x%'")]
    [InlineData("SELECT id FROM customers WHERE name LIKE '%' || @term || '%'", "'%'")]
    [InlineData("SELECT id FROM customers c JOIN orders o ON o.customer_id = c.id AND o.note LIKE E'%\\\\n' WHERE c.id = 1", "E'%\\\\n'")]
    public void Pattern_starting_with_a_wildcard_is_reported_at_the_literal(string sql, string span)
    {
        var finding = Assert.Single(SqlTestSchema.Check(sql, SqlRuleIds.LeadingWildcard));

        Assert.Equal(span, SqlTestSchema.Span(sql, finding));
        Assert.Equal(span, finding.MessageArgs[0]);
    }

    [Theory]
    [InlineData("SELECT id FROM customers WHERE name LIKE 'smith%'")]
    [InlineData("SELECT id FROM customers WHERE name LIKE @pattern")]
    [InlineData("SELECT id FROM customers WHERE name LIKE @prefix || '%'")]
    [InlineData("SELECT id FROM customers WHERE name = '%smith'")]
    [InlineData("SELECT id FROM customers WHERE name LIKE '' -- LIKE '%x'")]
    public void Pattern_without_a_leading_wildcard_is_not_reported(string sql)
    {
        Assert.Empty(SqlTestSchema.Check(sql, SqlRuleIds.LeadingWildcard));
    }

    [Fact]
    public void Leading_wildcard_is_reported_without_a_schema()
    {
        Assert.Single(SqlTestSchema.Check("SELECT x FROM anything WHERE y LIKE '%a'", SqlRuleIds.LeadingWildcard, SqlSchema.Empty));
    }
}
