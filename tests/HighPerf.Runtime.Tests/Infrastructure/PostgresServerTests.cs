using System.Diagnostics;
using HighPerf.Testing.Postgres;
using HighPerf.Testing.Processes;
using Npgsql;
using Xunit;

namespace HighPerf.Runtime.Tests.Infrastructure;

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task StartedServer_AnswersQueries_AsPostgreSql15()
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select version(), current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.StartsWith("PostgreSQL 15.", reader.GetString(0));
        Assert.Equal(PostgresServer.DefaultDatabase, reader.GetString(1));
    }

    [Fact]
    public async Task CreateDatabaseAsync_TwoDatabases_DoNotSeeEachOthersTables()
    {
        var first = await postgres.Server.CreateDatabaseAsync("isolation_first");
        var second = await postgres.Server.CreateDatabaseAsync("isolation_second");

        await ExecuteAsync(first, "create table orders (id bigint primary key); insert into orders values (1)");

        Assert.Equal(1L, await ScalarAsync(first, "select count(*) from orders"));
        Assert.Equal("isolation_second", await ScalarAsync(second, "select current_database()"));
        Assert.Null(await ScalarAsync(second, "select to_regclass('orders')::text"));
    }

    [Fact]
    public async Task CreateDatabaseAsync_ExistingName_ThrowsDuplicateDatabase()
    {
        await postgres.Server.CreateDatabaseAsync("created_twice");

        var error = await Assert.ThrowsAsync<PostgresException>(() => postgres.Server.CreateDatabaseAsync("created_twice"));
        Assert.Equal(PostgresErrorCodes.DuplicateDatabase, error.SqlState);
    }

    [Theory]
    [InlineData("Orders")]
    [InlineData("orders; drop database highperf")]
    [InlineData("1orders")]
    [InlineData("")]
    public async Task CreateDatabaseAsync_NameThatIsNotAPlainIdentifier_ThrowsArgumentException(string name)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => postgres.Server.CreateDatabaseAsync(name));
        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public async Task DisposeAsync_RunningServer_ClosesPortAndDeletesItsDirectory()
    {
        var server = await PostgresServer.StartAsync();
        Assert.True(await FreeTcpPort.IsAcceptingConnectionsAsync(server.Port));

        await server.DisposeAsync();

        Assert.False(await FreeTcpPort.IsAcceptingConnectionsAsync(server.Port));
        Assert.False(Directory.Exists(server.RootDirectory));
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
    }

    [Fact]
    public async Task OwnerKilledWithoutDisposing_ServerStopsAndItsDirectoryIsDeleted()
    {
        using var owner = Process.Start("sleep", "600");
        var server = await PostgresServer.StartAsync(ownerProcessId: owner.Id);
        try
        {
            Assert.True(await FreeTcpPort.IsAcceptingConnectionsAsync(server.Port));

            owner.Kill();
            await owner.WaitForExitAsync();

            // The watchdog polls once a second; a minute is the bound of "eventually", not a performance target.
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (Directory.Exists(server.RootDirectory) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.False(Directory.Exists(server.RootDirectory), "the watchdog did not delete the cluster directory");
            Assert.False(await FreeTcpPort.IsAcceptingConnectionsAsync(server.Port));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task DisposedServer_WatchdogStops_AndDoesNotOutliveTheServer()
    {
        var server = await PostgresServer.StartAsync();
        var watchdogs = await ProcessTable.WaitForShellsMentioningAsync(server.RootDirectory);

        await server.DisposeAsync();

        Assert.Equal(1, watchdogs);
        Assert.Equal(0, ProcessTable.CountShellsMentioning(server.RootDirectory));
    }

    [Fact]
    public async Task StartAsync_BinaryDirectoryWithoutPostgres_ThrowsNamingTheDebianPackage()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-postgres-{Guid.NewGuid():N}");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresServer.StartAsync(missing));

        Assert.Contains("install the Debian package postgresql", error.Message);
        Assert.Contains(Path.Combine(missing, "initdb"), error.Message);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}
