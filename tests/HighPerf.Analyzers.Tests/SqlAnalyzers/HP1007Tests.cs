using System.Globalization;
using HighPerf.Analyzers.SqlAnalysis;
using HighPerf.Testing.Roslyn;
using Xunit;

namespace HighPerf.Analyzers.Tests.SqlAnalyzers;

/// <summary>HP1007: SQL text built from run-time values.</summary>
public class HP1007Tests
{
    private static readonly string[] NonConstant = ["HP1007"];

    private static async Task<string> VerifyAndGetMessage(string statements, string members = "")
    {
        var diagnostics = await AnalyzerTest<SqlAnalyzer>.VerifyAsync(SqlSource.InMethod(statements, members), NonConstant);
        return diagnostics.Length == 0 ? string.Empty : diagnostics[0].GetMessage(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task InterpolationWithVariables_IsReportedWithTheHoles()
    {
        var message = await VerifyAndGetMessage("""connection.Query<User>([|$"SELECT id FROM users WHERE id = {id} AND name = '{name}'"|]);""");
        Assert.Contains("id, name", message);
    }

    [Fact]
    public async Task ConcatenationWithAVariable_IsReportedOnTheWholeConcatenation()
    {
        var message = await VerifyAndGetMessage("""connection.Query<User>([|"SELECT id FROM users WHERE name = '" + name + "'"|]);""");
        Assert.Contains("name", message);
    }

    [Theory]
    [InlineData("""connection.Execute([|string.Format("DELETE FROM users WHERE id = {0}", id)|]);""")]
    [InlineData("""connection.Execute([|string.Concat("DELETE FROM users WHERE id = ", id.ToString())|]);""")]
    [InlineData("""connection.Execute([|"DELETE FROM users WHERE id = {id}".Replace("{id}", id.ToString())|]);""")]
    [InlineData("""var sb = new System.Text.StringBuilder("DELETE FROM users"); connection.Execute([|sb.ToString()|]);""")]
    [InlineData("""using var command = new NpgsqlCommand([|$"DELETE FROM users WHERE id = {id}"|], connection);""")]
    [InlineData("""using var command = connection.CreateCommand(); command.CommandText = [|"DELETE FROM users WHERE name = '" + name + "'"|];""")]
    [InlineData("""var sql = [|$"DELETE FROM users WHERE id = {id}"|]; connection.Execute(sql);""")]
    [InlineData("""connection.Execute([|$"DELETE FROM users WHERE id = {id:D}"|]);""")]
    public async Task SqlBuiltFromRunTimeValues_IsReported(string statement) =>
        await VerifyAndGetMessage(statement);

    [Theory]
    [InlineData("""connection.Execute("DELETE FROM users WHERE id = @id", new { id });""")]
    [InlineData("""connection.Execute($"DELETE FROM {Table} WHERE id = @id", new { id });""")]
    [InlineData("""connection.Execute("DELETE FROM " + Table + " WHERE id = @id", new { id });""")]
    [InlineData("""connection.Execute(Sql);""")]
    [InlineData("""connection.Execute(ExternalSql, new { id });""")]
    [InlineData("""connection.Execute($"DELETE FROM users WHERE kind = {Kind.Admin}");""")]
    public async Task SqlFromConstantsOrUnseenSources_IsNotReported(string statement) =>
        await VerifyAndGetMessage(statement, """
                private const string Table = "users";
                private const string Sql = "DELETE FROM " + Table + " WHERE id = 1";
                public static string ExternalSql { get; set; } = "";
                private enum Kind { Admin }
            """);

    [Fact]
    public async Task DynamicSql_IsNotCheckedByTheEngine()
    {
        var diagnostics = await AnalyzerTest<SqlAnalyzer>.RunAsync(SqlSource.InMethod(
            """connection.Query<User>($"SELECT * FROM users WHERE id = {id}");"""));
        Assert.Equal(["HP1007"], diagnostics.Select(d => d.Id));
    }
}
