using HighPerf.Analyzers.SqlAnalysis;
using HighPerf.Testing.Roslyn;
using Xunit;

namespace HighPerf.Analyzers.Tests.SqlAnalyzers;

/// <summary>Every constant form of SQL text is assembled, and findings land on the offending characters.</summary>
public class SqlLiteralKindTests
{
    private static readonly string[] SelectStar = ["HP1001"];

    private static Task Verify(string statements, string members = "") =>
        AnalyzerTest<SqlAnalyzer>.VerifyAsync(SqlSource.InMethod(statements, members), SelectStar);

    [Fact]
    public Task RegularLiteralWithEscapes_MapsPastTheEscapes() =>
        Verify("""connection.Query<User>("SELECT\t\u0020\"id\", [|*|] FROM users\r\nWHERE id = @id");""");

    [Fact]
    public Task VerbatimLiteralWithDoubledQuotes_MapsPastTheQuotes() =>
        Verify("""
            connection.Query<User>(@"SELECT ""id"",
                [|*|]
                FROM users WHERE id = @id");
            """);

    [Fact]
    public Task SingleLineRawLiteral_MapsIntoTheLiteral() =>
        Verify("""" connection.Query<User>("""SELECT "id", [|*|] FROM users WHERE id = @id"""); """");

    [Fact]
    public Task MultiLineRawLiteralWithIndentation_MapsIntoTheLiteral() =>
        Verify(""""
                    connection.Query<User>("""
                        SELECT
                            id, [|*|]
                        FROM users
                        WHERE id = @id
                        """);
            """");

    [Fact]
    public Task ConstantLocal_MapsIntoItsDeclaration() =>
        Verify("""
            const string sql = "SELECT [|*|] FROM users WHERE id = @id";
            connection.Query<User>(sql);
            """);

    [Fact]
    public Task ConstantField_MapsToTheReference() =>
        Verify(
            """connection.Query<User>([|Sql|]);""",
            """    private const string Sql = "SELECT * FROM users WHERE id = @id";""");

    [Fact]
    public Task StaticReadonlyField_IsFollowedToItsInitializer() =>
        Verify(
            """connection.Query<User>(Sql);""",
            """    private static readonly string Sql = "SELECT [|*|] FROM users WHERE id = @id";""");

    [Fact]
    public Task SingleAssignmentLocal_IsFollowedToItsInitializer() =>
        Verify("""
            var sql = "SELECT [|*|] FROM users WHERE id = @id";
            connection.Query<User>(sql);
            """);

    [Fact]
    public Task ReassignedLocal_IsNotGuessed() =>
        Verify("""
            var sql = "SELECT * FROM users WHERE id = @id";
            if (id > 0) sql = "SELECT id FROM users WHERE id = @id";
            connection.Query<User>(sql);
            """);

    [Fact]
    public Task ConcatenatedLiterals_MapIntoTheRightPiece() =>
        Verify("""
            connection.Query<User>("SELECT id, " +
                "[|*|] FROM users " +
                "WHERE id = @id");
            """);

    [Fact]
    public Task ConcatenationWithAConstant_MapsToTheConstantReference() =>
        Verify(
            """connection.Query<User>("SELECT " + [|Columns|] + " FROM users WHERE id = @id");""",
            """    private const string Columns = "*";""");

    [Fact]
    public Task InterpolatedStringWithConstantHoles_MapsIntoTheText() =>
        Verify(
            """connection.Query<User>($"SELECT [|*|] FROM {Table} WHERE id = @id LIMIT {PageSize}");""",
            """
                private const string Table = "users";
                private const int PageSize = 50;
            """);

    [Fact]
    public Task RawInterpolatedStringWithConstantHole_MapsIntoTheText() =>
        Verify(
            """"
                    connection.Query<User>($"""
                        SELECT [|*|]
                        FROM {Table}
                        WHERE id = @id
                        """);
            """",
            """    private const string Table = "users";""");

    [Fact]
    public Task CountStar_IsNotAFinding() =>
        Verify("""connection.ExecuteScalar<int>("SELECT count(*) FROM users WHERE id = @id");""");

    [Fact]
    public async Task LiteralSplitAcrossPieces_SpansFromFirstToLastPiece()
    {
        var diagnostics = await AnalyzerTest<SqlAnalyzer>.RunAsync(SqlSource.InMethod(
            """connection.Query<User>("SELECT " + "*" + " FROM users WHERE id = @id");"""));
        var star = Assert.Single(diagnostics, d => d.Id == "HP1001");
        Assert.Equal("\"*\"".Length - 2, star.Location.SourceSpan.Length);
    }
}
