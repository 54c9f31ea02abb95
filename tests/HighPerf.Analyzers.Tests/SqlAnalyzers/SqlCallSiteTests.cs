using HighPerf.Analyzers.SqlAnalysis;
using HighPerf.Testing.Roslyn;
using Xunit;

namespace HighPerf.Analyzers.Tests.SqlAnalyzers;

/// <summary>Every way SQL reaches the database is analyzed; look-alike APIs are not.</summary>
public class SqlCallSiteTests
{
    private static readonly string[] SelectStar = ["HP1001"];

    [Theory]
    [InlineData("""connection.Query<User>("SELECT [|*|] FROM users WHERE id = @id", new { id });""")]
    [InlineData("""await connection.QueryAsync<User>("SELECT [|*|] FROM users WHERE id = @id", new { id });""")]
    [InlineData("""connection.QueryFirstOrDefault<User>("SELECT [|*|] FROM users WHERE id = @id", new { id });""")]
    [InlineData("""await connection.QuerySingleAsync<User>("SELECT [|*|] FROM users WHERE id = @id", new { id });""")]
    [InlineData("""using var grid = connection.QueryMultiple("SELECT [|*|] FROM users WHERE id = @id", new { id });""")]
    [InlineData("""connection.Execute("SELECT [|*|] FROM users WHERE id = @id", new { id });""")]
    [InlineData("""await connection.ExecuteScalarAsync<int>("SELECT [|*|] FROM users WHERE id = @id", new { id });""")]
    [InlineData("""using var reader = connection.ExecuteReader("SELECT [|*|] FROM users WHERE id = @id", new { id });""")]
    [InlineData("""SqlMapper.Query<User>(connection, "SELECT [|*|] FROM users WHERE id = @id", new { id });""")]
    [InlineData("""connection.Query<User>(new CommandDefinition("SELECT [|*|] FROM users WHERE id = @id", new { id }));""")]
    public async Task DapperCallWithSelectStar_ReportsOnTheStar(string statement) =>
        await AnalyzerTest<SqlAnalyzer>.VerifyAsync(SqlSource.InMethod(statement), SelectStar);

    [Theory]
    [InlineData("""using var command = new NpgsqlCommand("SELECT [|*|] FROM users WHERE id = @id", connection);""")]
    [InlineData("""using var command = dataSource.CreateCommand("SELECT [|*|] FROM users WHERE id = @id");""")]
    [InlineData("""var batchCommand = new NpgsqlBatchCommand("SELECT [|*|] FROM users WHERE id = @id");""")]
    [InlineData("""using var command = connection.CreateCommand(); command.CommandText = "SELECT [|*|] FROM users WHERE id = @id";""")]
    [InlineData("""using var command = new NpgsqlCommand { CommandText = "SELECT [|*|] FROM users WHERE id = @id" };""")]
    [InlineData("""DbCommand command = connection.CreateCommand(); command.CommandText = "SELECT [|*|] FROM users WHERE id = @id";""")]
    [InlineData("""var batchCommand = new NpgsqlBatchCommand(); batchCommand.CommandText = "SELECT [|*|] FROM users WHERE id = @id";""")]
    public async Task NpgsqlApiWithSelectStar_ReportsOnTheStar(string statement) =>
        await AnalyzerTest<SqlAnalyzer>.VerifyAsync(SqlSource.InMethod(statement), SelectStar);

    [Fact]
    public async Task ParameterMarkedStringSyntaxPostgreSql_IsAnalyzedAtTheCaller() =>
        await AnalyzerTest<SqlAnalyzer>.VerifyAsync(
            SqlSource.InMethod(
                """Run("SELECT [|*|] FROM users WHERE id = @id");""",
                """    private static void Run([StringSyntax("PostgreSQL")] string sql) { }"""),
            SelectStar);

    [Fact]
    public async Task ConstructorAndPropertyMarkedStringSyntaxPostgreSql_AreAnalyzed() =>
        await AnalyzerTest<SqlAnalyzer>.VerifyAsync(
            SqlSource.InMethod(
                """
                var query = new Query("SELECT [|*|] FROM users WHERE id = @id");
                query.Text = "SELECT [|*|] FROM orders WHERE id = @id";
                """,
                """
                    public sealed class Query([StringSyntax("postgresql")] string sql)
                    {
                        [StringSyntax("PostgreSQL")] public string Text { get; set; } = sql;
                    }
                """),
            SelectStar);

    [Fact]
    public async Task StringSyntaxOfAnotherLanguage_IsNotAnalyzed() =>
        await AnalyzerTest<SqlAnalyzer>.VerifyAsync(
            SqlSource.InMethod(
                """Run("SELECT * FROM users WHERE id = @id"); Console.WriteLine("SELECT * FROM users");""",
                """    private static void Run([StringSyntax("Regex")] string sql) { }"""),
            SelectStar);

    [Fact]
    public async Task SqlParameterInsideAHelper_IsNotReportedTwice()
    {
        var diagnostics = await AnalyzerTest<SqlAnalyzer>.VerifyAsync(
            SqlSource.InMethod(
                """await Load("SELECT {|HP1001:*|} FROM users WHERE id = @id");""",
                """
                    private NpgsqlConnection connection = null!;
                    private Task<IEnumerable<User>> Load([StringSyntax("PostgreSQL")] string sql) => connection.QueryAsync<User>(sql);
                """),
            ["HP1001", "HP1007"]);
        Assert.Single(diagnostics);
    }

    [Fact]
    public async Task MarkedMethodInAReferencedAssembly_IsAnalyzedAtTheCaller()
    {
        var library = TestCompilation.Create("""
            using System.Diagnostics.CodeAnalysis;
            namespace Shop.Data;
            public static class Db
            {
                public static void Run([StringSyntax("PostgreSQL")] string sql) { }
            }
            """).WithAssemblyName("Shop.Data");
        var consumer = TestCompilation.Create("""
            public class C
            {
                public void M() => Shop.Data.Db.Run("SELECT * FROM users WHERE id = 1");
            }
            """).AddReferences(library.ToMetadataReference());

        var diagnostics = await AnalyzerTest<SqlAnalyzer>.RunAsync(consumer, []);

        Assert.Equal(["HP1001"], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task QueryLikeNameOutsideDapper_IsNotAnalyzed() =>
        await AnalyzerTest<SqlAnalyzer>.VerifyAsync(
            SqlSource.InMethod(
                """Query("SELECT * FROM users WHERE id = @id"); Execute("SELECT * FROM users");""",
                """
                    private static void Query(string text) { }
                    private static void Execute(string text) { }
                """),
            SelectStar);

    [Fact]
    public async Task CompilationWithoutSqlApis_ReportsNothing()
    {
        var diagnostics = await AnalyzerTest<SqlAnalyzer>.RunAsync("""
            public class C
            {
                public string Sql() => "DELETE FROM users";
                public void M(string s) => System.Console.WriteLine("SELECT * FROM " + s);
            }
            """);
        Assert.Empty(diagnostics);
    }
}
