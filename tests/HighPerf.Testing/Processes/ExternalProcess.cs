using System.Diagnostics;

namespace HighPerf.Testing.Processes;

/// <summary>Runs a short-lived command to completion and captures its output.</summary>
public static class ExternalProcess
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/>, optionally as <paramref name="runAs"/>
    /// (through <c>runuser</c>, which only root may do), and throws with the full output when it fails.
    /// <paramref name="environment"/> sets variables for the child; a null value removes the variable.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        string? runAs = null,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var startInfo = CreateStartInfo(fileName, arguments, runAs);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        startInfo.WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{Describe(startInfo)}' did not finish within {timeout ?? DefaultTimeout}.");
        }

        var result = new ProcessResult(Describe(startInfo), process.ExitCode, await stdout, await stderr);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe());
        }

        return result;
    }

    /// <summary>Builds a start info that runs the command directly, or as another user through <c>runuser</c>.</summary>
    public static ProcessStartInfo CreateStartInfo(string fileName, IEnumerable<string> arguments, string? runAs)
    {
        var startInfo = new ProcessStartInfo { UseShellExecute = false };
        if (runAs is null)
        {
            startInfo.FileName = fileName;
        }
        else
        {
            startInfo.FileName = "runuser";
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(runAs);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static string Describe(ProcessStartInfo startInfo) =>
        string.Join(' ', [startInfo.FileName, .. startInfo.ArgumentList]);
}

/// <summary>The outcome of a finished command.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() =>
        $"'{CommandLine}' exited with code {ExitCode}.{Environment.NewLine}" +
        $"stdout:{Environment.NewLine}{StandardOutput}{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}";
}
