using HighPerf.Testing.Postgres;
using Npgsql;

namespace Storefront.Database;

/// <summary>
/// The PostgreSQL the sample talks to: the one configured, or else a throwaway local server started for this run
/// (the embedded default) and stopped, with its files deleted, on disposal.
/// </summary>
public sealed class StorefrontDatabase : IAsyncDisposable
{
    /// <summary>Every table of the sample lives in this schema, which is dropped and re-created on each run.</summary>
    public const string SchemaName = "storefront";

    private readonly PostgresServer? _embeddedServer;

    private StorefrontDatabase(string connectionString, string description, PostgresServer? embeddedServer)
    {
        ConnectionString = connectionString;
        Description = description;
        _embeddedServer = embeddedServer;
    }

    /// <summary>Where the database is connected to (the server's default search path).</summary>
    public string ConnectionString { get; }

    /// <summary>True when this run started its own server, which disposal stops.</summary>
    public bool IsEmbedded => _embeddedServer is not null;

    /// <summary>One line for the console: which server this is.</summary>
    public string Description { get; }

    public static async Task<StorefrontDatabase> OpenAsync(string? configuredConnectionString, CancellationToken cancellationToken)
    {
        if (configuredConnectionString is not null)
        {
            var builder = new NpgsqlConnectionStringBuilder(configuredConnectionString);
            return new StorefrontDatabase(
                configuredConnectionString,
                $"configured PostgreSQL at {builder.Host}:{builder.Port}, database '{builder.Database}' (schema '{SchemaName}' is re-created)",
                embeddedServer: null);
        }

        PostgresServer server = await PostgresServer.StartAsync(cancellationToken: cancellationToken);
        return new StorefrontDatabase(
            server.ConnectionString,
            $"embedded PostgreSQL on 127.0.0.1:{server.Port} (throwaway cluster in {server.RootDirectory})",
            server);
    }

    /// <summary>A data source whose connections see the sample's schema first.</summary>
    public NpgsqlDataSource CreateDataSource()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = SchemaName };
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>Stops the embedded server and deletes its files; a configured server is left as it is.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_embeddedServer is not null)
        {
            await _embeddedServer.DisposeAsync();
        }
    }
}
