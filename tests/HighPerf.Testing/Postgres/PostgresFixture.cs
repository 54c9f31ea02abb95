using Xunit;

namespace HighPerf.Testing.Postgres;

/// <summary>
/// One throwaway PostgreSQL cluster shared by the tests of a class (<c>IClassFixture&lt;PostgresFixture&gt;</c>) or of a
/// collection (see <see cref="PostgresCollection"/>). Tests that need a clean slate call
/// <see cref="PostgresServer.CreateDatabaseAsync"/> on <see cref="Server"/> with a name of their own.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialized.");

    /// <summary>A connection string for the server's default database.</summary>
    public string ConnectionString => Server.ConnectionString;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
