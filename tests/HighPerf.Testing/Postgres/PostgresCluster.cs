using HighPerf.Testing.Processes;

namespace HighPerf.Testing.Postgres;

/// <summary>
/// The files and the control commands of one throwaway cluster: initdb into a fresh temporary directory,
/// pg_ctl start on a free port, pg_ctl stop and delete. When the tests run as root the binaries run as
/// <c>postgres</c>, which owns the directory.
/// </summary>
internal sealed class PostgresCluster
{
    public const string Superuser = "postgres";

    private const int StartAttempts = 3;

    private const string StopAndDeleteScript =
        """
        "$1" stop -m immediate -D "$2"
        rm -rf "$3"
        """;

    private readonly PostgresBinaries _binaries;
    private readonly string? _runAs;
    private OwnerWatchdog? _watchdog;

    private PostgresCluster(PostgresBinaries binaries, string rootDirectory, string? runAs)
    {
        _binaries = binaries;
        _runAs = runAs;
        RootDirectory = rootDirectory;
    }

    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string LogFile => Path.Combine(RootDirectory, "postgres.log");

    /// <summary>Creates the directory and runs initdb in it. The directory is deleted again if that fails.</summary>
    public static async Task<PostgresCluster> InitAsync(PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        var runAs = ServiceAccount.RunAsFor(Superuser);
        // As root the cluster runs as postgres, which cannot enter a TMPDIR under /root: use /tmp then.
        var parent = runAs is null ? Path.GetTempPath() : "/tmp";
        var root = Directory.CreateDirectory(Path.Combine(parent, $"highperf-pg-{Guid.NewGuid():N}")).FullName;
        var cluster = new PostgresCluster(binaries, root, runAs);
        try
        {
            if (runAs is not null)
            {
                await ServiceAccount.GiveDirectoryToAsync(root, runAs, cancellationToken);
            }

            await cluster.RunAsync(
                binaries.InitDb,
                ["-D", cluster.DataDirectory, "--auth=trust", "-U", Superuser, "--encoding=UTF8", "--locale=C", "--no-sync"],
                cancellationToken);
            return cluster;
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Starts the server on a free loopback port, durability off, and returns the port once it accepts connections.
    /// From then on a watchdog stops the server and deletes the directory if <paramref name="ownerProcessId"/> exits
    /// without calling <see cref="StopAndDeleteAsync"/>.
    /// </summary>
    public async Task<int> StartOnFreePortAsync(int ownerProcessId, CancellationToken cancellationToken)
    {
        // Watching starts before the server does: a start that times out still leaves a postmaster behind.
        _watchdog ??= OwnerWatchdog.Start(ownerProcessId, StopAndDeleteScript, [_binaries.PgCtl, DataDirectory, RootDirectory], _runAs);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeTcpPort.Find();
            var options = $"-p {port} -k \"{RootDirectory}\" -c listen_addresses=127.0.0.1 " +
                          "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            try
            {
                await RunAsync(
                    _binaries.PgCtl, ["start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", options], cancellationToken);
                return port;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && ReadLog().Contains("could not bind", StringComparison.Ordinal))
            {
                // Another process took the port between the probe and the bind: try a new one.
            }
            catch (InvalidOperationException exception)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL did not start on port {port}. Server log:{Environment.NewLine}{ReadLog()}", exception);
            }
        }
    }

    /// <summary>Stops the server at once (no checkpoint: the data is thrown away) if it runs, then deletes the directory.</summary>
    public async Task StopAndDeleteAsync()
    {
        _watchdog?.Dispose();
        try
        {
            // postmaster.pid exists from the moment a server starts until it exits, even when start -w timed out.
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunAsync(_binaries.PgCtl, ["stop", "-w", "-m", "immediate", "-D", DataDirectory], CancellationToken.None);
            }
        }
        finally
        {
            if (Directory.Exists(RootDirectory))
            {
                Directory.Delete(RootDirectory, recursive: true);
            }
        }
    }

    private string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log written)";

    private Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ExternalProcess.RunAsync(program, arguments, workingDirectory: RootDirectory, runAs: _runAs, cancellationToken: cancellationToken);
}
