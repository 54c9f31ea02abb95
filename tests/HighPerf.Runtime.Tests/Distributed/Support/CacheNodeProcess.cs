using System.Diagnostics;
using System.Globalization;

namespace HighPerf.Runtime.Tests.Distributed.Support;

/// <summary>
/// Node B of the two-node test: tests/HighPerf.CacheNode run as a child process (its own process-wide L1),
/// driven line by line over stdin/stdout.
/// </summary>
internal sealed class CacheNodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private CacheNodeProcess(Process process) => _process = process;

    public static CacheNodeProcess Start(string connectionString, string channel, string methodName)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(LocateAssembly());
        startInfo.ArgumentList.Add(connectionString);
        startInfo.ArgumentList.Add(channel);
        startInfo.ArgumentList.Add(methodName);
        return new CacheNodeProcess(Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    public async Task<string> SendAsync(string command, string expectedPrefix, TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        return await ReadLineStartingWithAsync(expectedPrefix, timeout);
    }

    public async Task<string> ReadLineStartingWithAsync(string prefix, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            string? line = await _process.StandardOutput.ReadLineAsync(cancel.Token)
                ?? throw new InvalidOperationException($"The cache node exited: {await _process.StandardError.ReadToEndAsync()}");
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }

            if (line.StartsWith("STILL-THERE", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Node B kept its entry: {line}");
            }
        }
    }

    public static long ParseTicks(string goneLine) => long.Parse(goneLine.Split(' ')[2], CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteLineAsync("exit");
            await _process.StandardInput.FlushAsync();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    // tests/HighPerf.Runtime.Tests/bin/<Configuration>/net10.0/ -> tests/HighPerf.CacheNode/bin/<Configuration>/net10.0/
    private static string LocateAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = testOutput.Name, configuration = testOutput.Parent!.Name;
        string testsDirectory = testOutput.Parent.Parent!.Parent!.Parent!.FullName;
        string path = Path.Combine(testsDirectory, "HighPerf.CacheNode", "bin", configuration, framework, "HighPerf.CacheNode.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build tests/HighPerf.CacheNode first (the test project references it).", path);
    }
}
