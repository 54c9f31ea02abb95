using HighPerf.Analyzers.SqlAnalysis;
using HighPerf.CodeFixes.Sql;
using HighPerf.Testing.Roslyn;
using Xunit;

namespace HighPerf.Analyzers.Tests.SqlAnalyzers;

/// <summary>The HP1007 fix turns interpolation holes into Dapper parameters.</summary>
public class ParameterizeSqlCodeFixTests
{
    private const string Members = """
            private sealed class Filter { public int MinTotal { get; init; } }
        """;

    private static Task<string?> Fix(string statement) =>
        CodeFixTest<SqlAnalyzer, ParameterizeSqlCodeFixProvider>.ApplyAsync(SqlSource.InMethod(statement, Members), "HP1007");

    private static string Expected(string statement) => SqlSource.InMethod(statement, Members);

    [Fact]
    public async Task HolesWithoutParameterObject_BecomePlaceholdersAndANewObject() =>
        Assert.Equal(
            Expected("""connection.Query<User>("SELECT id FROM users WHERE id = @id AND name = @name", new { id, name });"""),
            await Fix("""connection.Query<User>($"SELECT id FROM users WHERE id = {id} AND name = '{name}'");"""));

    [Fact]
    public async Task ExistingAnonymousObject_GainsTheMissingMembersOnly() =>
        Assert.Equal(
            Expected("""connection.Query<User>("SELECT id FROM users WHERE id = @id AND name = @name", new { id, name });"""),
            await Fix("""connection.Query<User>($"SELECT id FROM users WHERE id = @id AND name = '{name}'", new { id });"""));

    [Fact]
    public async Task MemberAccessAndComplexHoles_GetProjectedAndGeneratedNames() =>
        Assert.Equal(
            Expected("""var filter = new Filter(); connection.Query<User>("SELECT id FROM orders WHERE total > @MinTotal AND id = @p2 AND user_id = @MinTotal", new { filter.MinTotal, p2 = id + 1 });"""),
            await Fix("""var filter = new Filter(); connection.Query<User>($"SELECT id FROM orders WHERE total > {filter.MinTotal} AND id = {id + 1} AND user_id = {filter.MinTotal}");"""));

    [Fact]
    public async Task OtherArgumentsAfterTheSql_ParameterObjectIsNamed() =>
        Assert.Equal(
            Expected("""connection.Query<User>("SELECT id FROM users WHERE id = @id", commandTimeout: 5, param: new { id });"""),
            await Fix("""connection.Query<User>($"SELECT id FROM users WHERE id = {id}", commandTimeout: 5);"""));

    [Fact]
    public async Task VerbatimInterpolation_BecomesVerbatimLiteral() =>
        Assert.Equal(
            Expected("""connection.Execute(@"DELETE FROM users WHERE id = @id", new { id });"""),
            await Fix("""connection.Execute($@"DELETE FROM users WHERE id = {id}");"""));

    [Fact]
    public async Task DoubledBracesInText_AreUndoubled() =>
        Assert.Equal(
            Expected("""connection.Execute("UPDATE users SET tags = '{a}' WHERE id = @id", new { id });"""),
            await Fix("""connection.Execute($"UPDATE users SET tags = '{{a}}' WHERE id = {id}");"""));

    [Fact]
    public async Task NonAnonymousParameterObject_OffersNoFix() =>
        Assert.Null(await Fix("""var args = new DynamicParameters(); connection.Query<User>($"SELECT id FROM users WHERE id = {id}", args);"""));

    [Fact]
    public async Task HoleWithFormatClause_OffersNoFix() =>
        Assert.Null(await Fix("""connection.Execute($"DELETE FROM users WHERE id = {id:D5}");"""));

    [Fact]
    public async Task NpgsqlCommand_OffersNoFix() =>
        Assert.Null(await Fix("""using var command = new NpgsqlCommand($"DELETE FROM users WHERE id = {id}", connection);"""));
}
