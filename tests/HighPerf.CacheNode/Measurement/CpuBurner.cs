using System.Diagnostics;

namespace HighPerf.CacheNode.Measurement;

/// <summary>
/// Synthetic CPU load in a process of its own (so it competes for the cores, not for the measuring process's
/// thread pool): <c>burn &lt;threads&gt;</c> keeps that many threads busy until its stdin closes.
/// </summary>
public sealed class CpuBurner : IAsyncDisposable
{
    private static volatile bool s_stop;
    private readonly Process _process;

    private CpuBurner(Process process) => _process = process;

    public static CpuBurner Start(string cacheNodeAssembly, int threads)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(cacheNodeAssembly);
        startInfo.ArgumentList.Add("burn");
        startInfo.ArgumentList.Add(threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new CpuBurner(Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>The <c>burn</c> mode itself.</summary>
    public static int BurnUntilStdinCloses(int threads)
    {
        var burners = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            burners[i] = new Thread(Spin) { IsBackground = true, Name = $"burn-{i}" };
            burners[i].Start();
        }

        Console.In.ReadToEnd();
        s_stop = true;
        foreach (var burner in burners)
        {
            burner.Join();
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private static void Spin()
    {
        while (!s_stop)
        {
            Thread.SpinWait(1_000);
        }
    }
}
