using HighPerf.Analyzers.Sql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql.Rules;

public sealed class HP1011OffsetPaginationTests
{
    [Theory]
    [InlineData("SELECT id FROM orders ORDER BY id LIMIT 20 OFFSET @skip", "OFFSET @skip")]
    [InlineData("SELECT id FROM orders ORDER BY id OFFSET 40 ROWS FETCH NEXT 20 ROWS ONLY", "OFFSET 40 ROWS")]
    [InlineData("SELECT id FROM orders ORDER BY id OFFSET :page * 20 LIMIT 20", "OFFSET :page * 20")]
    [InlineData("SELECT id FROM (SELECT id FROM orders ORDER BY id LIMIT 10 OFFSET 10) x", "OFFSET 10")]
    public void Offset_is_reported_at_the_clause(string sql, string span)
    {
        var finding = Assert.Single(SqlTestSchema.Check(sql, SqlRuleIds.OffsetPagination));

        Assert.Equal(span, SqlTestSchema.Span(sql, finding));
        Assert.Empty(finding.MessageArgs);
    }

    [Theory]
    [InlineData("SELECT id FROM orders WHERE id > @last ORDER BY id LIMIT 20")]
    [InlineData("SELECT id FROM (SELECT id FROM orders OFFSET 0) x WHERE id = 1")]
    [InlineData("SELECT 'OFFSET 10' FROM orders WHERE id = 1")]
    public void Keyset_pagination_and_offset_zero_are_not_reported(string sql)
    {
        Assert.Empty(SqlTestSchema.Check(sql, SqlRuleIds.OffsetPagination));
    }
}
