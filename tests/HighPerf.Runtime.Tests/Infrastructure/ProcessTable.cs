namespace HighPerf.Runtime.Tests.Infrastructure;

/// <summary>Reads <c>/proc</c> to find the watchdog shells a test started.</summary>
internal static class ProcessTable
{
    /// <summary>Running <c>sh -c</c> processes whose command line contains <paramref name="text"/>.</summary>
    public static int CountShellsMentioning(string text) =>
        Directory.EnumerateDirectories("/proc")
            .Select(directory => TryReadCommandLine(Path.Combine(directory, "cmdline")))
            .Count(commandLine => commandLine.StartsWith("sh\0-c\0", StringComparison.Ordinal) && commandLine.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// Waits until a shell mentioning <paramref name="text"/> runs: a process just started may not have exec'd
    /// <c>sh</c> yet. Returns how many run then (0 if none appeared within a minute).
    /// </summary>
    public static async Task<int> WaitForShellsMentioningAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        int count;
        while ((count = CountShellsMentioning(text)) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return count;
    }

    private static string TryReadCommandLine(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return string.Empty; // Not a process directory, or the process exited while we looked.
        }
    }
}
