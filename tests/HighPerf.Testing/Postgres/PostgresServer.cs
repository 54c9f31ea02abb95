using System.Text.RegularExpressions;
using HighPerf.Testing.Processes;
using Npgsql;

namespace HighPerf.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL 15 cluster: initdb into a fresh temporary directory, listening on a free loopback port,
/// with durability turned off for speed. Disposal stops it and deletes every file it wrote.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    /// <summary>The database created at start, which <see cref="ConnectionString"/> points at.</summary>
    public const string DefaultDatabase = "highperf";

    private const string ServiceUser = "postgres";
    private const int StartAttempts = 3;

    private readonly PostgresBinaries _binaries;
    private readonly string? _runAs;
    private readonly List<string> _connectionStrings = [];
    private int _disposed;

    private PostgresServer(PostgresBinaries binaries, string rootDirectory, int port, string? runAs)
    {
        _binaries = binaries;
        _runAs = runAs;
        RootDirectory = rootDirectory;
        Port = port;
        ConnectionString = BuildConnectionString(DefaultDatabase);
        // A test host that exits without disposing (a crash, an aborted run) must not leave a server running.
        AppDomain.CurrentDomain.ProcessExit += StopOnProcessExit;
    }

    /// <summary>The temporary directory holding the data directory, the socket and the server log.</summary>
    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string LogFile => Path.Combine(RootDirectory, "postgres.log");

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>An Npgsql connection string for <see cref="DefaultDatabase"/> as the superuser <c>postgres</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a cluster, starts it and creates <see cref="DefaultDatabase"/>.</summary>
    /// <param name="binaryDirectory">Where initdb and pg_ctl live; defaults to <see cref="PostgresBinaries.DefaultDirectory"/>.</param>
    public static async Task<PostgresServer> StartAsync(string? binaryDirectory = null, CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Locate(binaryDirectory);
        var runAs = ServiceAccount.RunAsFor(ServiceUser);
        // As root the cluster runs as postgres, which cannot enter a TMPDIR under /root: use /tmp then.
        var parent = runAs is null ? Path.GetTempPath() : "/tmp";
        var root = Directory.CreateDirectory(Path.Combine(parent, $"highperf-pg-{Guid.NewGuid():N}")).FullName;
        var port = 0;
        try
        {
            if (runAs is not null)
            {
                await ServiceAccount.GiveDirectoryToAsync(root, runAs, cancellationToken);
            }

            await ExternalProcess.RunAsync(
                binaries.InitDb,
                ["-D", Path.Combine(root, "data"), "--auth=trust", "-U", ServiceUser, "--encoding=UTF8", "--locale=C", "--no-sync"],
                workingDirectory: root, runAs: runAs, cancellationToken: cancellationToken);

            port = await StartOnFreePortAsync(binaries, root, runAs, cancellationToken);
            var server = new PostgresServer(binaries, root, port, runAs);
            await server.ExecuteOnMaintenanceDatabaseAsync($"CREATE DATABASE {DefaultDatabase}", cancellationToken);
            return server;
        }
        catch
        {
            await StopAndDeleteAsync(binaries, root, runAs, started: port != 0);
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

        await StopAndDeleteAsync(_binaries, RootDirectory, _runAs, started: true);
    }

    private void StopOnProcessExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static async Task<int> StartOnFreePortAsync(
        PostgresBinaries binaries, string root, string? runAs, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeTcpPort.Find();
            var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 " +
                          "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            try
            {
                await ExternalProcess.RunAsync(
                    binaries.PgCtl,
                    ["start", "-w", "-t", "60", "-D", Path.Combine(root, "data"), "-l", Path.Combine(root, "postgres.log"), "-o", options],
                    workingDirectory: root, runAs: runAs, cancellationToken: cancellationToken);
                return port;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && PortWasTaken(root))
            {
                // Another process took the port between the probe and the bind: try a new one.
            }
            catch (InvalidOperationException exception)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL did not start on port {port}. Server log:{Environment.NewLine}{ReadLog(root)}", exception);
            }
        }
    }

    private static bool PortWasTaken(string root) => ReadLog(root).Contains("could not bind", StringComparison.Ordinal);

    private static string ReadLog(string root)
    {
        var log = Path.Combine(root, "postgres.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no log written)";
    }

    private static async Task StopAndDeleteAsync(PostgresBinaries binaries, string root, string? runAs, bool started)
    {
        try
        {
            if (started)
            {
                await ExternalProcess.RunAsync(
                    binaries.PgCtl, ["stop", "-w", "-m", "immediate", "-D", Path.Combine(root, "data")],
                    workingDirectory: root, runAs: runAs);
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
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
            Username = ServiceUser,
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
