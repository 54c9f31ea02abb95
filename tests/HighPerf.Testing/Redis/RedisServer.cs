using System.Diagnostics;
using System.Text;
using HighPerf.Testing.Processes;

namespace HighPerf.Testing.Redis;

/// <summary>
/// A throwaway <c>redis-server</c> on a free loopback port, without persistence. Fault tests stop it mid-test with
/// <see cref="StopAsync"/> (a kill, as in a crash) and bring it back, empty, on the same port with <see cref="StartAsync()"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(15);

    private readonly string _executable;
    private readonly StringBuilder _output = new();
    private Process? _process;
    private bool _disposed;

    private RedisServer(string executable, int port)
    {
        _executable = executable;
        Port = port;
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

        lock (_output)
        {
            _output.Clear();
        }

        _process?.Dispose();
        _process = Launch();
        await WaitUntilAnsweringAsync(_process, cancellationToken);
    }

    /// <summary>Kills the server (no shutdown handshake, as in a crash) and waits until the port is closed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
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

    private Process Launch()
    {
        var startInfo = ExternalProcess.CreateStartInfo(
            _executable,
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
            runAs: null);
        startInfo.WorkingDirectory = Path.GetTempPath();
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{_executable}'.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"'{_executable}' could not be started: install the Debian package redis-server " +
                "(apt-get install -y redis-server).", exception);
        }

        process.OutputDataReceived += (_, e) => AppendOutput(e.Data);
        process.ErrorDataReceived += (_, e) => AppendOutput(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilAnsweringAsync(Process process, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!await RedisPing.IsAnsweringAsync(Port, cancellationToken))
        {
            if (process.HasExited || deadline.Elapsed > ReadyTimeout)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException(
                    $"redis-server did not answer PING on port {Port}. Its output:{Environment.NewLine}{Output}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private bool OutputMentions(string text) => Output.Contains(text, StringComparison.Ordinal);

    private void AppendOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private void KillOnProcessExit(object? sender, EventArgs e)
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }
    }
}
