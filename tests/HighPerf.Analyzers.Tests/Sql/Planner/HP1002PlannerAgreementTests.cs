using System.Text.Json;
using System.Text.RegularExpressions;
using HighPerf.Analyzers.Sql;
using HighPerf.Analyzers.Tests.Sql.Rules;
using Npgsql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql.Planner;

/// <summary>
/// Truth check: for every HP1002 suite query, PostgreSQL's plan must agree with the analyzer. Where HP1002 reports
/// a table, the plan reads it with a Seq Scan; where it is silent, with an Index, Index Only or Bitmap Heap Scan.
/// </summary>
public sealed partial class HP1002PlannerAgreementTests : IClassFixture<PlannerDatabase>
{
    private static readonly HashSet<string> IndexScans = new() { "Index Scan", "Index Only Scan", "Bitmap Heap Scan" };

    private readonly PlannerDatabase _database;

    public HP1002PlannerAgreementTests(PlannerDatabase database) => _database = database;

    [Fact]
    public async Task Planner_agrees_with_every_HP1002_verdict_of_the_suite()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var disagreements = new List<string>();

        foreach (var testCase in HP1002Cases.All)
        {
            bool reported = SqlTestSchema.Check(testCase.Sql, SqlRuleIds.UnindexedColumn).Any(f => f.MessageArgs[0] == testCase.Table);
            var scans = await ScansOfAsync(connection, WithLiterals(testCase.Sql), testCase.Table);

            bool agrees = scans.Count > 0 && (reported ? scans.All(s => s == "Seq Scan") : scans.All(IndexScans.Contains));
            if (!agrees)
                disagreements.Add($"{testCase.Name}: analyzer {(reported ? "reports" : "is silent")}, planner uses [{string.Join(", ", scans)}] on {testCase.Table}");
        }

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
    }

    [Fact]
    public async Task Plan_reader_tells_a_sequential_scan_from_an_index_scan()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();

        var unindexed = await ScansOfAsync(connection, "SELECT id FROM orders WHERE customer_id = 42", "orders");
        var indexed = await ScansOfAsync(connection, "SELECT id, total FROM orders WHERE id = 42", "orders");
        var otherTable = await ScansOfAsync(connection, "SELECT id FROM orders WHERE customer_id = 42", "customers");

        Assert.Equal(new[] { "Seq Scan" }, unindexed);
        Assert.Single(indexed, IndexScans.Contains);
        Assert.Empty(otherTable);
    }

    [Fact]
    public void Suite_holds_both_verdicts()
    {
        Assert.Contains(HP1002Cases.All, c => c.Reported);
        Assert.Contains(HP1002Cases.All, c => !c.Reported);
    }

    [Fact]
    public void Every_suite_parameter_has_a_literal()
    {
        foreach (var testCase in HP1002Cases.All)
        {
            foreach (Match parameter in Parameter().Matches(testCase.Sql))
                Assert.True(HP1002Cases.Literals.ContainsKey(parameter.Value), $"{testCase.Name}: no literal for {parameter.Value}");
        }
    }

    /// <summary>Substitutes literals for parameters; "IN @list" becomes "IN (1, 2, 3)" as Dapper expands it.</summary>
    private static string WithLiterals(string sql) =>
        Parameter().Replace(
            sql.Replace("IN @ids", "IN (1, 2, 3)", StringComparison.Ordinal),
            m => HP1002Cases.Literals.TryGetValue(m.Value, out var literal) ? literal : m.Value);

    /// <summary>The node types that read <paramref name="table"/> in the plan (ModifyTable excluded).</summary>
    private static async Task<List<string>> ScansOfAsync(NpgsqlConnection connection, string sql, string table)
    {
        await using var command = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, connection);
        string json = (string)(await command.ExecuteScalarAsync())!;
        using var document = JsonDocument.Parse(json);
        var scans = new List<string>();
        Collect(document.RootElement[0].GetProperty("Plan"), table, scans);
        return scans;
    }

    private static void Collect(JsonElement node, string table, List<string> scans)
    {
        string type = node.GetProperty("Node Type").GetString()!;
        if (type != "ModifyTable" && node.TryGetProperty("Relation Name", out var relation) && relation.GetString() == table)
            scans.Add(type);
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
                Collect(child, table, scans);
        }
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
