using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace HighPerf.Testing.Processes;

/// <summary>
/// A long-running child process (a server) whose output is kept for error messages. A watchdog kills it if this
/// process exits without doing so (SIGKILL, an aborted test run).
/// </summary>
public sealed class BackgroundProcess : IDisposable
{
    // Kills $1 only while it is still the program it was ($2, the kernel's /proc/<pid>/exe): a recycled pid is left alone.
    private const string KillScript =
        """
        [ "$(readlink "/proc/$1/exe")" = "$2" ] && kill -9 "$1"
        """;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private OwnerWatchdog? _watchdog;

    private BackgroundProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the process; <paramref name="installHint"/> completes the error when the program does not exist.</summary>
    public static BackgroundProcess Start(ProcessStartInfo startInfo, string installHint)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{startInfo.FileName}'.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"'{startInfo.FileName}' could not be started: {installHint}", exception);
        }

        var background = new BackgroundProcess(process);
        if (ExecutableOf(process.Id) is { } executable)
        {
            background._watchdog = OwnerWatchdog.Start(Environment.ProcessId, KillScript, [process.Id.ToString(), executable]);
        }

        process.OutputDataReceived += (_, e) => background.Append(e.Data);
        process.ErrorDataReceived += (_, e) => background.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return background;
    }

    /// <summary>Kills the process (SIGKILL: no shutdown handshake) and waits until it and its output are gone.</summary>
    public async Task KillAsync(CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(cancellationToken);
        _watchdog?.Dispose();
    }

    /// <summary>Kills the process if it still runs; for process-exit handlers, which cannot await.</summary>
    public void KillNow()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        _watchdog?.Dispose();
        _process.Dispose();
    }

    private static string? ExecutableOf(int processId)
    {
        try
        {
            return File.ResolveLinkTarget($"/proc/{processId}/exe", returnFinalTarget: false)?.FullName;
        }
        catch (IOException)
        {
            return null; // It has already exited: nothing to watch.
        }
    }

    private void Append(string? line)
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
}
