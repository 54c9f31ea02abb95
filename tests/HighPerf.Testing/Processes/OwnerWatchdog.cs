using System.Diagnostics;

namespace HighPerf.Testing.Processes;

/// <summary>
/// Runs a cleanup shell script once an owner process has gone, even when the owner died without cleaning up
/// itself (SIGKILL, a test host aborted by <c>timeout</c>): the last line of defence against throwaway servers
/// outliving the run that started them.
/// </summary>
/// <remarks>
/// The watchdog starts in a session of its own (<c>setsid</c>) and ignores SIGHUP/SIGINT/SIGTERM, so a signal sent
/// to the owner's process group does not take it down before it has cleaned up. Its standard streams are pipes to
/// the owner, never inherited ones: a watchdog must not keep <c>dotnet test</c>'s output pipe open.
/// </remarks>
public sealed class OwnerWatchdog : IDisposable
{
    private const string Prelude =
        """
        trap '' HUP INT TERM
        exec </dev/null >/dev/null 2>&1
        owner=$1
        shift
        tail --pid="$owner" -f /dev/null
        """;

    private readonly Process _process;
    private int _disposed;

    private OwnerWatchdog(Process process) => _process = process;

    /// <summary>
    /// Starts watching <paramref name="ownerProcessId"/>. When it exits, <paramref name="cleanupScript"/> runs in
    /// <c>sh</c> with <paramref name="scriptArguments"/> as <c>$1</c>, <c>$2</c>... (as <paramref name="runAs"/> when
    /// given).
    /// </summary>
    public static OwnerWatchdog Start(int ownerProcessId, string cleanupScript, IEnumerable<string> scriptArguments, string? runAs = null)
    {
        string[] shell = ["sh", "-c", Prelude + "\n" + cleanupScript, "watchdog", ownerProcessId.ToString(), .. scriptArguments];
        var startInfo = ExternalProcess.CreateStartInfo("setsid", runAs is null ? shell : ["runuser", "-u", runAs, "--", .. shell], runAs: null);
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the watchdog (setsid sh).");
        return new OwnerWatchdog(process);
    }

    /// <summary>Stops watching without running the cleanup: the owner cleaned up itself.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
