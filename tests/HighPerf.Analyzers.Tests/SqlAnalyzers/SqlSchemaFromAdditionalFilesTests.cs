using System.Globalization;
using HighPerf.Analyzers.SqlAnalysis;
using HighPerf.Testing.Roslyn;
using Xunit;

namespace HighPerf.Analyzers.Tests.SqlAnalyzers;

/// <summary>Rules that need the schema read it from .sql AdditionalFiles, applied in file-name order.</summary>
public class SqlSchemaFromAdditionalFilesTests
{
    private static readonly TestAdditionalFile[] Migrations =
    [
        // Deliberately listed out of order: 002 must still be applied after 001.
        new("/repo/Migrations/002_users_email.sql", "ALTER TABLE users ADD COLUMN email text; CREATE INDEX ix_users_email ON users (email);"),
        new("/repo/Migrations/001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);"),
        new("/repo/appsettings.json", "{ \"not\": \"sql\" }"),
    ];

    private const string Query = """connection.Query<User>("SELECT id FROM users WHERE {|HP1002:name|} = @name", new { name });""";

    [Fact]
    public async Task UnindexedFilterColumn_IsReportedOnTheColumnInsideTheLiteral()
    {
        var diagnostics = await AnalyzerTest<SqlAnalyzer>.VerifyAsync(SqlSource.InMethod(Query), ["HP1002"], Migrations);
        Assert.Contains("CREATE INDEX CONCURRENTLY", diagnostics[0].GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WithoutSchemaFiles_SchemaRulesStaySilent() =>
        await AnalyzerTest<SqlAnalyzer>.VerifyAsync(
            SqlSource.InMethod(Query.Replace("{|HP1002:name|}", "name")),
            ["HP1002", "HP1008"]);

    [Fact]
    public async Task UnknownTableInAVerbatimLiteral_IsReportedOnTheName() =>
        await AnalyzerTest<SqlAnalyzer>.VerifyAsync(
            SqlSource.InMethod("""
                connection.Execute(@"
                    UPDATE {|HP1008:accounts|}
                    SET name = @name
                    WHERE id = @id", new { name, id });
                """),
            ["HP1008"],
            Migrations);

    [Fact]
    public async Task ColumnAddedByALaterMigration_IsKnown() =>
        await AnalyzerTest<SqlAnalyzer>.VerifyAsync(
            SqlSource.InMethod("""connection.Query<User>("SELECT id, email FROM users WHERE id = @id", new { id });"""),
            ["HP1002", "HP1008"],
            Migrations);
}
