using HighPerf.Analyzers.Sql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql;

public sealed class SqlCheckerTests
{
    [Fact]
    public void Findings_of_every_statement_point_into_the_whole_text()
    {
        const string sql = "SELECT id FROM orders WHERE id = 1;\nDELETE FROM customers;\nSELECT * FROM products WHERE id = 2";

        var findings = SqlTestSchema.Check(sql);

        Assert.Equal(new[] { "HP1005:DELETE", "HP1001:*" }, findings.Select(f => f.RuleId + ":" + SqlTestSchema.Span(sql, f)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   -- only a comment")]
    [InlineData(";;;")]
    public void Empty_input_has_no_findings(string sql)
    {
        Assert.Empty(SqlTestSchema.Check(sql));
    }

    [Fact]
    public void Findings_are_appended_to_the_callers_list()
    {
        var findings = new List<SqlFinding> { new("HP9999", 0, 0, Array.Empty<string>()) };

        SqlChecker.Check("SELECT * FROM orders WHERE id = 1", SqlTestSchema.Schema, findings, CancellationToken.None);

        Assert.Equal(new[] { "HP9999", "HP1001" }, findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Cancelled_token_stops_the_check()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            SqlChecker.Check("SELECT id FROM orders WHERE id = 1", SqlTestSchema.Schema, new List<SqlFinding>(), cancellation.Token));
    }

    [Fact]
    public void One_shared_schema_serves_concurrent_checks_with_identical_results()
    {
        const string sql = "SELECT o.* FROM orders o, customers c WHERE o.customer_id = @id OFFSET 10";
        var expected = SqlTestSchema.Check(sql).Select(f => f.RuleId + f.Start).ToArray();

        var results = new string[64][];
        Parallel.For(0, results.Length, i => results[i] = SqlTestSchema.Check(sql).Select(f => f.RuleId + f.Start).ToArray());

        Assert.Equal(4, expected.Length);
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
