using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace HighPerf.Testing.Processes;

/// <summary>A long-running child process (a server) whose output is kept for error messages.</summary>
public sealed class BackgroundProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

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
    }

    /// <summary>Kills the process if it still runs; for process-exit handlers, which cannot await.</summary>
    public void KillNow()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose() => _process.Dispose();

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
