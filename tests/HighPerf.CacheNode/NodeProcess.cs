using System.Diagnostics;
using System.Globalization;

namespace HighPerf.CacheNode;

/// <summary>
/// The driving side of <see cref="CacheNodeLoop"/>: node B started as <c>dotnet HighPerf.CacheNode.dll node ...</c>
/// and spoken to line by line over stdin/stdout.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NodeProcess(Process process) => _process = process;

    public static NodeProcess Start(string cacheNodeAssembly, NodeTransport transport, string connectionString, string channel, string methodName)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { cacheNodeAssembly, "node", transport.Name(), connectionString, channel, methodName })
        {
            startInfo.ArgumentList.Add(argument);
        }

        return new NodeProcess(Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    public async Task<string> SendAsync(string command, string expectedPrefix, TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        return await ReadLineStartingWithAsync(expectedPrefix, timeout);
    }

    /// <summary>Reads answers until one starts with <paramref name="prefix"/>; throws on STILL-THERE, exit or timeout.</summary>
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

    /// <summary>The UTC ticks of a <c>GONE &lt;id&gt; &lt;ticks&gt;</c> answer.</summary>
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
}
