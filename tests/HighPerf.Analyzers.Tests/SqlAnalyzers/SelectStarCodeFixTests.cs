using HighPerf.Analyzers.SqlAnalysis;
using HighPerf.CodeFixes.Sql;
using HighPerf.Testing.Roslyn;
using Xunit;

namespace HighPerf.Analyzers.Tests.SqlAnalyzers;

/// <summary>The HP1001 fix lists the columns the schema declares, in declaration order.</summary>
public class SelectStarCodeFixTests
{
    private static readonly TestAdditionalFile[] Schema =
    [
        new("/repo/Migrations/001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, \"Email\" text);"),
        new("/repo/Migrations/002_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users(id), total numeric);"),
        new("/repo/Migrations/003_users_more.sql", "ALTER TABLE users ADD COLUMN created_at timestamptz;"),
    ];

    private static Task<string?> Fix(string statement) =>
        CodeFixTest<SqlAnalyzer, SelectStarCodeFixProvider>.ApplyAsync(SqlSource.InMethod(statement), "HP1001", Schema);

    private static string Expected(string statement) => SqlSource.InMethod(statement);

    [Fact]
    public async Task StarOverOneTable_BecomesItsColumnsInOrder() =>
        Assert.Equal(
            Expected("""connection.Query<User>("SELECT id, name, \"Email\", created_at FROM users WHERE id = @id", new { id });"""),
            await Fix("""connection.Query<User>("SELECT * FROM users WHERE id = @id", new { id });"""));

    [Fact]
    public async Task StarInVerbatimLiteral_QuotesAreDoubled() =>
        Assert.Equal(
            Expected("""connection.Query<User>(@"SELECT id, name, ""Email"", created_at FROM users WHERE id = @id", new { id });"""),
            await Fix("""connection.Query<User>(@"SELECT * FROM users WHERE id = @id", new { id });"""));

    [Fact]
    public async Task StarInRawLiteral_IsReplacedAsIs() =>
        Assert.Equal(
            Expected(""""connection.Query<User>("""SELECT id, name, "Email", created_at FROM users WHERE id = @id""", new { id });""""),
            await Fix(""""connection.Query<User>("""SELECT * FROM users WHERE id = @id""", new { id });""""));

    [Fact]
    public async Task AliasStar_BecomesQualifiedColumnsOfThatTable() =>
        Assert.Equal(
            Expected("""connection.Query<User>("SELECT u.name, o.id, o.user_id, o.total FROM users u JOIN orders AS o ON o.user_id = u.id WHERE u.id = @id", new { id });"""),
            await Fix("""connection.Query<User>("SELECT u.name, o.* FROM users u JOIN orders AS o ON o.user_id = u.id WHERE u.id = @id", new { id });"""));

    [Fact]
    public async Task StarOverAJoin_QualifiesEveryColumn() =>
        Assert.Equal(
            Expected("""connection.Query<User>("SELECT u.id, u.name, u.\"Email\", u.created_at, o.id, o.user_id, o.total FROM users u LEFT JOIN orders o ON o.user_id = u.id WHERE u.id = @id", new { id });"""),
            await Fix("""connection.Query<User>("SELECT * FROM users u LEFT JOIN orders o ON o.user_id = u.id WHERE u.id = @id", new { id });"""));

    [Fact]
    public async Task StarInSubquery_UsesTheSubquerysOwnFrom() =>
        Assert.Equal(
            Expected("""connection.Query<User>("SELECT name FROM users WHERE id IN (SELECT id, user_id, total FROM orders WHERE total > 10)");"""),
            await Fix("""connection.Query<User>("SELECT name FROM users WHERE id IN (SELECT * FROM orders WHERE total > 10)");"""));

    [Fact]
    public async Task TableMissingFromSchema_OffersNoFix() =>
        Assert.Null(await Fix("""connection.Query<User>("SELECT * FROM invoices WHERE id = @id", new { id });"""));

    [Fact]
    public async Task SelectFromSubquery_OffersNoFix() =>
        Assert.Null(await Fix("""connection.Query<User>("SELECT * FROM (SELECT id FROM users) AS t WHERE t.id = @id", new { id });"""));

    [Fact]
    public async Task WithoutSchemaFiles_OffersNoFix() =>
        Assert.Null(await CodeFixTest<SqlAnalyzer, SelectStarCodeFixProvider>.ApplyAsync(
            SqlSource.InMethod("""connection.Query<User>("SELECT * FROM users WHERE id = @id", new { id });"""), "HP1001"));
}
