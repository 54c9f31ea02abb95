using HighPerf.Analyzers.SqlAnalysis;
using HighPerf.Testing.Roslyn;
using Xunit;

namespace HighPerf.Analyzers.Tests.SqlAnalyzers;

/// <summary>HP1006: a query executed once per iteration of a loop (N+1).</summary>
public class HP1006Tests
{
    private static readonly string[] QueryInLoop = ["HP1006"];

    private static Task<Microsoft.CodeAnalysis.Diagnostic[]> Verify(string statements, string members = "") =>
        AnalyzerTest<SqlAnalyzer>.VerifyAsync(SqlSource.InMethod(statements, members), QueryInLoop)
            .ContinueWith(t => t.Result.ToArray(), TaskScheduler.Default);

    [Theory]
    [InlineData("""foreach (var i in ids) { connection.[|QueryFirst|]<User>("SELECT id, name FROM users WHERE id = @i", new { i }); }""")]
    [InlineData("""for (var i = 0; i < ids.Length; i++) { await connection.[|ExecuteAsync|]("UPDATE users SET name = @name WHERE id = @i", new { name, i }); }""")]
    [InlineData("""var n = 0; while (n++ < 10) { connection.[|Execute|]("DELETE FROM users WHERE id = @n", new { n }); }""")]
    [InlineData("""var n = 0; do { connection.[|Execute|]("DELETE FROM users WHERE id = @n", new { n }); } while (n++ < 10);""")]
    [InlineData("""await foreach (var i in Stream()) { await connection.[|QuerySingleAsync|]<User>("SELECT id, name FROM users WHERE id = @i", new { i }); }""")]
    [InlineData("""foreach (var i in ids) { using var command = [|new NpgsqlCommand("SELECT id FROM users WHERE id = @i", connection)|]; }""")]
    [InlineData("""foreach (var i in ids) { await Task.Run(() => connection.[|Execute|]("DELETE FROM users WHERE id = @i", new { i })); }""")]
    [InlineData("""await Task.WhenAll(ids.Select(i => connection.[|QuerySingleAsync|]<User>("SELECT id, name FROM users WHERE id = @i", new { i })));""")]
    [InlineData("""await Task.WhenAll(ids.Select(i => connection.[|ExecuteAsync|]("DELETE FROM users WHERE id = @i", new { i })).ToArray());""")]
    [InlineData("""await Parallel.ForEachAsync(ids, async (i, ct) => await connection.[|ExecuteAsync|]("DELETE FROM users WHERE id = @i", new { i }));""")]
    [InlineData("""ids.ToList().ForEach(i => connection.[|Execute|]("DELETE FROM users WHERE id = @i", new { i }));""")]
    public async Task QueryRepeatedPerElement_IsReportedOnTheCall(string statement)
    {
        var diagnostics = await Verify(statement, """    private static async IAsyncEnumerable<int> Stream() { yield return 1; await Task.Yield(); }""");
        Assert.Contains("[Batched]", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Message_NamesTheCalledMethod()
    {
        var diagnostics = await Verify("""foreach (var i in ids) { connection.[|QueryFirst|]<User>("SELECT id, name FROM users WHERE id = @i", new { i }); }""");
        Assert.Contains("QueryFirst", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""foreach (var user in connection.Query<User>("SELECT id, name FROM users WHERE id = @id", new { id })) { Console.WriteLine(user); }""")]
    [InlineData("""for (var rows = connection.Execute("DELETE FROM users WHERE id = @id", new { id }); rows < 0; rows++) { }""")]
    [InlineData("""var users = ids.Select(i => i + 1).ToList(); connection.Execute("DELETE FROM users WHERE id = ANY(@ids)", new { ids });""")]
    [InlineData("""var queries = ids.Select(i => connection.QuerySingleAsync<User>("SELECT id, name FROM users WHERE id = @i", new { i }));""")]
    [InlineData("""foreach (var i in ids) { Local(i); } void Local(int i) => connection.Execute("DELETE FROM users WHERE id = @i", new { i });""")]
    public async Task QueryRunOnce_IsNotReported(string statement) =>
        await Verify(statement);

    [Fact]
    public async Task BatchCommandsBuiltInALoop_AreTheCureNotTheDisease() =>
        await Verify("""
            await using var batch = new NpgsqlBatch(connection);
            foreach (var i in ids)
            {
                var command = new NpgsqlBatchCommand("DELETE FROM users WHERE id = $1");
                command.Parameters.AddWithValue(i);
                batch.BatchCommands.Add(command);
                var other = new NpgsqlBatchCommand();
                other.CommandText = "DELETE FROM orders WHERE user_id = $1";
            }
            await batch.ExecuteNonQueryAsync();
            """);

    [Fact]
    public async Task MarkedHelperCalledInALoop_IsReported() =>
        await Verify(
            """foreach (var i in ids) { [|Run("DELETE FROM users WHERE id = @i")|]; }""",
            """    private static void Run([StringSyntax("PostgreSQL")] string sql) { }""");
}
