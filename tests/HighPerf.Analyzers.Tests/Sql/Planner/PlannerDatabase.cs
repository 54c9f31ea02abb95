using HighPerf.Analyzers.Sql.Lexing;
using HighPerf.Testing.Postgres;
using Npgsql;
using Xunit;

namespace HighPerf.Analyzers.Tests.Sql.Planner;

/// <summary>
/// A throwaway PostgreSQL 15 holding the test schema (<see cref="SqlTestSchema"/>) with 100,000 rows per table and
/// fresh statistics, so EXPLAIN shows the plans a production-sized table would get.
/// </summary>
public sealed class PlannerDatabase : IAsyncLifetime
{
    internal const int RowsPerTable = 100_000;

    private PostgresServer? _server;

    internal string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        ConnectionString = _server.ConnectionString;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var file in SqlTestSchema.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            // CREATE INDEX CONCURRENTLY refuses to run inside the implicit transaction of a multi-statement command.
            foreach (string statement in SplitStatements(file.Text))
                await ExecuteAsync(connection, statement);
        }
        await ExecuteAsync(connection, $"""
            INSERT INTO customers (email, name, country, created_at, phone)
            SELECT 'user' || i || '@example.com', 'name' || i, 'c' || i,
                   timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute', 'p' || i
            FROM generate_series(1, {RowsPerTable}) AS i;
            INSERT INTO orders (id, customer_id, status, total, created_at, shipped_at, note)
            SELECT i, i % {RowsPerTable} + 1, 's' || (i % 10000), (i % {RowsPerTable}) / 100.0,
                   timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute',
                   CASE WHEN i % 2 = 0 THEN timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute' END,
                   'n' || i
            FROM generate_series(1, {RowsPerTable}) AS i;
            INSERT INTO products (id, sku, name, price, "Category")
            SELECT i, 'SKU' || i, 'product' || i, (i % {RowsPerTable}) / 100.0, 'cat' || i
            FROM generate_series(1, {RowsPerTable}) AS i;
            INSERT INTO order_items (order_id, line, product_id, quantity)
            SELECT i, 1, i % {RowsPerTable} + 1, 1 + i % 5
            FROM generate_series(1, {RowsPerTable}) AS i;
            ANALYZE;
            """);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    internal static List<string> SplitStatements(string text)
    {
        var statements = new List<string>();
        int start = 0;
        foreach (var token in SqlTokenizer.Tokenize(text))
        {
            if (token.Kind is not (SqlTokenKind.Semicolon or SqlTokenKind.EndOfInput))
                continue;
            string statement = text.Substring(start, token.Start - start).Trim();
            if (statement.Length > 0)
                statements.Add(statement);
            start = token.End;
        }
        return statements;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }
}
