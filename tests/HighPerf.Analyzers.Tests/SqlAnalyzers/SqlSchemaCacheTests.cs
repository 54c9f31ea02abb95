using System.Collections.Immutable;
using HighPerf.Analyzers.SqlAnalysis;
using HighPerf.Testing.Roslyn;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HighPerf.Analyzers.Tests.SqlAnalyzers;

/// <summary>The schema comes from .sql AdditionalFiles and is parsed once per distinct content.</summary>
public class SqlSchemaCacheTests
{
    private static ImmutableArray<AdditionalText> Files(params TestAdditionalFile[] files) =>
        files.Select(f => f.ToAdditionalText()).ToImmutableArray();

    private static readonly TestAdditionalFile Users = new("/repo/Migrations/001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text);");

    [Fact]
    public void SameContentInNewTextInstances_IsParsedOnce()
    {
        var cache = new SqlSchemaCache();

        var first = cache.GetSchema(Files(Users), CancellationToken.None);
        var second = cache.GetSchema(Files(Users with { }), CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, cache.ParseCount);
        Assert.True(first.TryGetTable("users", out _));
    }

    [Fact]
    public void ChangedContent_IsParsedAgain()
    {
        var cache = new SqlSchemaCache();

        var before = cache.GetSchema(Files(Users), CancellationToken.None);
        var after = cache.GetSchema(Files(Users with { Text = Users.Text + " CREATE TABLE orders (id bigint);" }), CancellationToken.None);

        Assert.NotSame(before, after);
        Assert.Equal(2, cache.ParseCount);
        Assert.False(before.TryGetTable("orders", out _));
        Assert.True(after.TryGetTable("orders", out _));
    }

    [Fact]
    public void NoSqlFiles_GiveTheEmptySchemaWithoutParsing()
    {
        var cache = new SqlSchemaCache();

        var schema = cache.GetSchema(Files(new TestAdditionalFile("/repo/appsettings.json", "{}")), CancellationToken.None);

        Assert.False(schema.IsKnown);
        Assert.Equal(0, cache.ParseCount);
    }

    [Fact]
    public void SchemaFiles_KeepSqlFilesOnceEachInPathOrder()
    {
        var files = SqlSchemaCache.SchemaFiles(
            Files(
                new TestAdditionalFile("/repo/b/002.SQL", "B"),
                new TestAdditionalFile("/repo/notes.txt", "x"),
                new TestAdditionalFile("/repo/a/001.sql", "A"),
                new TestAdditionalFile("/repo/a/001.sql", "A again")),
            CancellationToken.None);

        Assert.Equal(["/repo/a/001.sql", "/repo/b/002.SQL"], files.Select(f => f.Path));
        Assert.Equal("A", files[0].Text);
    }

    [Fact]
    public async Task ManyCallSitesAcrossRuns_ParseTheSchemaOnce()
    {
        var cache = new SqlSchemaCache();
        var analyzer = new SqlAnalyzer(cache);
        var source = SqlSource.InMethod(string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"connection.Query<User>(\"SELECT id FROM users WHERE id = {i}\");\n")));

        await AnalyzerTest.RunAsync(analyzer, source, [Users]);
        await AnalyzerTest.RunAsync(analyzer, source, [Users with { }]);

        Assert.Equal(1, cache.ParseCount);
    }

    [Fact]
    public async Task CompilationWithoutCallSites_NeverParsesTheSchema()
    {
        var cache = new SqlSchemaCache();

        var diagnostics = await AnalyzerTest.RunAsync(new SqlAnalyzer(cache), "public class C { public string S => \"SELECT * FROM users\"; }", [Users]);

        Assert.Empty(diagnostics);
        Assert.Equal(0, cache.ParseCount);
    }
}
