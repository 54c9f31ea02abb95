using System.Text.RegularExpressions;
using Npgsql;

namespace HighPerf.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL 15 server: a fresh cluster in a temporary directory, listening on a free loopback port,
/// with durability turned off for speed. Disposal stops it and deletes every file it wrote.
/// </summary>
/// <remarks>
/// samples/Storefront links this file and the ones it uses (PostgresCluster, PostgresBinaries, Processes/*) as its
/// embedded database: keep them free of xunit, and add a new file to the sample's link list too.
/// </remarks>
public sealed partial class PostgresServer : IAsyncDisposable
{
    /// <summary>The database created at start, which <see cref="ConnectionString"/> points at.</summary>
    public const string DefaultDatabase = "highperf";

    private readonly PostgresCluster _cluster;
    private readonly List<string> _connectionStrings = [];
    private int _disposed;

    private PostgresServer(PostgresCluster cluster, int port)
    {
        _cluster = cluster;
        Port = port;
        ConnectionString = BuildConnectionString(DefaultDatabase);
        // A test host that exits without disposing (a crash, an aborted run) must not leave a server running.
        AppDomain.CurrentDomain.ProcessExit += StopOnProcessExit;
    }

    /// <summary>The temporary directory holding the data directory, the socket and the server log.</summary>
    public string RootDirectory => _cluster.RootDirectory;

    /// <summary>The server log, worth reading when a test fails in a way only the server can explain.</summary>
    public string LogFile => _cluster.LogFile;

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>An Npgsql connection string for <see cref="DefaultDatabase"/> as the superuser <c>postgres</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a cluster, starts it and creates <see cref="DefaultDatabase"/>.</summary>
    /// <param name="binaryDirectory">Where initdb and pg_ctl live; defaults to <see cref="PostgresBinaries.DefaultDirectory"/>.</param>
    /// <param name="ownerProcessId">The process whose exit stops the server and deletes its files even when nothing
    /// disposes it (a crash, SIGKILL); defaults to this process.</param>
    public static async Task<PostgresServer> StartAsync(
        string? binaryDirectory = null, int? ownerProcessId = null, CancellationToken cancellationToken = default)
    {
        var cluster = await PostgresCluster.InitAsync(PostgresBinaries.Locate(binaryDirectory), cancellationToken);
        PostgresServer? server = null;
        try
        {
            server = new PostgresServer(cluster, await cluster.StartOnFreePortAsync(ownerProcessId ?? Environment.ProcessId, cancellationToken));
            await server.ExecuteOnMaintenanceDatabaseAsync($"CREATE DATABASE {DefaultDatabase}", cancellationToken);
            return server;
        }
        catch (Exception startError)
        {
            try
            {
                await (server is null ? cluster.StopAndDeleteAsync() : server.DisposeAsync().AsTask());
            }
            catch (Exception cleanupError)
            {
                throw new AggregateException("PostgreSQL failed to start, and cleaning up after it failed too.", startError, cleanupError);
            }

            throw;
        }
    }

    /// <summary>Creates an empty database and returns a connection string for it. Names are lower-case identifiers.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a usable database name: use 1-63 characters of a-z, 0-9 and _, starting with a letter or _.",
                nameof(name));
        }

        await ExecuteOnMaintenanceDatabaseAsync($"CREATE DATABASE {name}", cancellationToken);
        return BuildConnectionString(name);
    }

    /// <summary>Stops the server at once (no checkpoint: the data is thrown away) and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= StopOnProcessExit;
        lock (_connectionStrings)
        {
            // Pooled connections to a stopped server are dead; a later server could reuse the port.
            foreach (var connectionString in _connectionStrings)
            {
                using var connection = new NpgsqlConnection(connectionString);
                NpgsqlConnection.ClearPool(connection);
            }
        }

        await _cluster.StopAndDeleteAsync();
    }

    private void StopOnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            // Nobody is left to catch it: an exception thrown here would only turn a clean exit into a crash.
            Console.Error.WriteLine($"Could not stop the PostgreSQL server in {RootDirectory}: {exception.Message}");
        }
    }

    private async Task ExecuteOnMaintenanceDatabaseAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(BuildConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string BuildConnectionString(string database)
    {
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = PostgresCluster.Superuser,
            Database = database,
            IncludeErrorDetail = true,
        }.ConnectionString;
        lock (_connectionStrings)
        {
            _connectionStrings.Add(connectionString);
        }

        return connectionString;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
