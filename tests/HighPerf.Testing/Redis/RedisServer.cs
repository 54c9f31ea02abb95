using System.Diagnostics;
using HighPerf.Testing.Processes;

namespace HighPerf.Testing.Redis;

/// <summary>
/// A throwaway <c>redis-server</c> on a free loopback port, without persistence. Fault tests stop it mid-test with
/// <see cref="StopAsync"/> (a kill, as in a crash) and bring it back, empty, on the same port with <see cref="StartAsync()"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private const string InstallHint = "install the Debian package redis-server (apt-get install -y redis-server).";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(15);

    private readonly string _executable;
    private BackgroundProcess? _process;
    private bool _disposed;

    private RedisServer(string executable, int port)
    {
        _executable = executable;
        Port = port;
        // A test host that exits without disposing (a crash, an aborted run) must not leave a server running.
        AppDomain.CurrentDomain.ProcessExit += KillOnProcessExit;
    }

    /// <summary>The loopback TCP port, the same across restarts.</summary>
    public int Port { get; }

    /// <summary>The endpoint in StackExchange.Redis configuration format.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server on a free port and waits until it answers PING.</summary>
    /// <param name="executable">The redis-server program; found on PATH by default.</param>
    public static async Task<RedisServer> StartAsync(string executable = "redis-server", CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(executable, FreeTcpPort.Find());
            try
            {
                await server.StartAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && server.OutputMentions("Address already in use"))
            {
                // Another process took the port between the probe and the bind: try a new one.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Starts the stopped server again on the same port, with an empty data set.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsRunning)
        {
            throw new InvalidOperationException($"Redis is already running on port {Port}.");
        }

        _process?.Dispose();
        var startInfo = ExternalProcess.CreateStartInfo(
            _executable,
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
            runAs: null);
        startInfo.WorkingDirectory = Path.GetTempPath();
        _process = BackgroundProcess.Start(startInfo, InstallHint);
        await WaitUntilAnsweringAsync(_process, cancellationToken);
    }

    /// <summary>Kills the server (no shutdown handshake, as in a crash) and waits until the port is closed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        await _process.KillAsync(cancellationToken);
        while (await FreeTcpPort.IsAcceptingConnectionsAsync(Port, cancellationToken))
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= KillOnProcessExit;
        await StopAsync();
        _process?.Dispose();
        _disposed = true;
    }

    private async Task WaitUntilAnsweringAsync(BackgroundProcess process, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (!await RedisPing.IsAnsweringAsync(Port, cancellationToken))
        {
            if (process.HasExited || waited.Elapsed > ReadyTimeout)
            {
                await process.KillAsync(cancellationToken);
                throw new InvalidOperationException(
                    $"redis-server did not answer PING on port {Port}. Its output:{Environment.NewLine}{process.Output}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private bool OutputMentions(string text) => _process?.Output.Contains(text, StringComparison.Ordinal) == true;

    private void KillOnProcessExit(object? sender, EventArgs e) => _process?.KillNow();
}
