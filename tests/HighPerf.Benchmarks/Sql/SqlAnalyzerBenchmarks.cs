using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using HighPerf.Analyzers.Sql;
using HighPerf.Analyzers.SqlAnalysis;
using HighPerf.Testing.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HighPerf.Benchmarks.Sql;

/// <summary>
/// The cost of the SQL analyzer on a compilation with 10,000 SQL call sites, and on one of the same size with
/// none. Each operation builds a fresh compilation from pre-parsed trees, so binding is paid every time; the
/// analyzer's own cost is the difference between the Compile and the CompileAndAnalyze rows.
/// </summary>
[MemoryDiagnoser]
public class SqlAnalyzerBenchmarks
{
    public const int CallSites = 10_000;
    private const int CallsPerMethod = 10;

    private static readonly string[] Queries =
    [
        "SELECT * FROM users WHERE id = @id",
        "SELECT id, name FROM users WHERE email = @email",
        "SELECT o.id, o.total FROM orders o JOIN users u ON u.id = o.user_id WHERE u.id = @id ORDER BY o.created_at DESC LIMIT 20",
        "UPDATE users SET name = @name WHERE id = @id",
        "DELETE FROM orders WHERE user_id = @id",
        "SELECT count(*) FROM orders WHERE total > @id",
        "SELECT id FROM users WHERE name LIKE '%' || @name",
        "INSERT INTO orders (user_id, total) VALUES (@id, 10) RETURNING id",
        "SELECT id, name FROM users ORDER BY id OFFSET 100 LIMIT 10",
        "SELECT u.id FROM users u WHERE lower(u.email) = @email",
    ];

    private static readonly ImmutableArray<AdditionalText> Schema =
    [
        new TestAdditionalFile("/repo/Migrations/001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, email text UNIQUE);").ToAdditionalText(),
        new TestAdditionalFile("/repo/Migrations/002_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id), total numeric, created_at timestamptz);").ToAdditionalText(),
    ];

    private ImmutableArray<SyntaxTree> withSql;
    private ImmutableArray<SyntaxTree> withoutSql;

    [GlobalSetup]
    public void Setup()
    {
        withSql = Parse(SqlCall);
        withoutSql = Parse(PlainCall);
    }

    [Benchmark]
    public int Compile_10000SqlCallSites() => Compile(withSql).GetDiagnostics().Length;

    [Benchmark]
    public Task<int> CompileAndAnalyze_10000SqlCallSites() => CompileAndAnalyze(withSql);

    [Benchmark(Baseline = true)]
    public int Compile_NoSqlCallSites() => Compile(withoutSql).GetDiagnostics().Length;

    [Benchmark]
    public Task<int> CompileAndAnalyze_NoSqlCallSites() => CompileAndAnalyze(withoutSql);

    /// <summary>The SQL engine alone on the same 10,000 statements: tokenize, parse and run every rule.</summary>
    [Benchmark]
    public int Engine_10000Statements()
    {
        var schema = SqlSchemaCache.Shared.GetSchema(Schema, CancellationToken.None);
        var findings = new List<SqlFinding>();
        for (var i = 0; i < CallSites; i++)
        {
            SqlChecker.Check(Queries[i % Queries.Length], schema, findings, CancellationToken.None);
        }

        return findings.Count;
    }

    /// <summary>What running any analyzer costs: the analyzer driver with an analyzer that registers nothing.</summary>
    [Benchmark]
    public Task<int> CompileAndAnalyze_NoSqlCallSites_EmptyAnalyzer() => CompileAndAnalyze(withoutSql, new EmptyAnalyzer());

    /// <summary>What any analyzer pays to visit the same syntax kinds as ours, doing nothing with them.</summary>
    [Benchmark]
    public Task<int> CompileAndAnalyze_NoSqlCallSites_NoOpSyntaxAnalyzer() => CompileAndAnalyze(withoutSql, new NoOpSyntaxAnalyzer());

    // A fresh schema cache per operation, so the schema is parsed inside the measured time.
    private static Task<int> CompileAndAnalyze(ImmutableArray<SyntaxTree> trees) =>
        CompileAndAnalyze(trees, new SqlAnalyzer(new SqlSchemaCache()));

    private static async Task<int> CompileAndAnalyze(ImmutableArray<SyntaxTree> trees, DiagnosticAnalyzer analyzer)
    {
        var diagnostics = await Compile(trees).WithAnalyzers([analyzer], new AnalyzerOptions(Schema)).GetAllDiagnosticsAsync();
        return diagnostics.Length;
    }

    private static CSharpCompilation Compile(ImmutableArray<SyntaxTree> trees) =>
        CSharpCompilation.Create("Bench", trees, TestReferences.All, TestCompilation.CompilationOptions);

    private static string SqlCall(int i) =>
        $"        total += connection.Execute(\"{Queries[i % Queries.Length]}\", new {{ id = {i}, name = \"n\", email = \"e\" }});";

    private static string PlainCall(int i) =>
        $"        total += Log(\"{Queries[i % Queries.Length]}\", new {{ id = {i}, name = \"n\", email = \"e\" }});";

    // 100 files of 10 classes: a realistic shape, and enough trees for concurrent analysis to matter.
    private static ImmutableArray<SyntaxTree> Parse(Func<int, string> call)
    {
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        const int MethodsPerFile = 10;
        for (var file = 0; file < CallSites / CallsPerMethod / MethodsPerFile; file++)
        {
            var source = new StringBuilder("using Dapper;\nusing Npgsql;\n\nnamespace Bench;\n\n");
            for (var m = 0; m < MethodsPerFile; m++)
            {
                var method = (file * MethodsPerFile) + m;
                source.Append("public static class Repository").Append(method).Append("\n{\n");
                source.Append("    private static int Log(string text, object args) => text.Length;\n\n");
                source.Append("    public static int Run(NpgsqlConnection connection)\n    {\n        var total = 0;\n");
                for (var c = 0; c < CallsPerMethod; c++)
                {
                    source.Append(call((method * CallsPerMethod) + c)).Append('\n');
                }

                source.Append("        return total;\n    }\n}\n\n");
            }

            trees.Add(CSharpSyntaxTree.ParseText(source.ToString(), TestCompilation.ParseOptions, path: $"Repository{file}.cs"));
        }

        return trees.ToImmutable();
    }

#pragma warning disable RS1001, RS1025, RS1026 // Reference analyzers for the benchmark only, never loaded by a compiler.
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        }
    }

    private sealed class NoOpSyntaxAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                static _ => { },
                SyntaxKind.InvocationExpression,
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression,
                SyntaxKind.SimpleAssignmentExpression);
        }
    }
#pragma warning restore RS1001, RS1025, RS1026
}
