using System.Diagnostics;

namespace Storefront.Workload;

/// <summary>Sends <see cref="WorkloadOptions.Operations"/> visits through concurrent workers and times the run.</summary>
public static class WorkloadRunner
{
    public static async Task<TimeSpan> RunAsync(Shopper shopper, WorkloadOptions options, CancellationToken cancellationToken)
    {
        using var runLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        runLimit.CancelAfter(options.MaximumDuration);
        CancellationToken token = runLimit.Token;

        int started = 0;
        long startTimestamp = Stopwatch.GetTimestamp();
        Task[] workers = new Task[options.Workers];
        for (int worker = 0; worker < workers.Length; worker++)
        {
            var random = new Random(options.Seed + worker);
            workers[worker] = Task.Run(async () =>
            {
                while (Interlocked.Increment(ref started) <= options.Operations)
                {
                    token.ThrowIfCancellationRequested();
                    await shopper.VisitAsync(random, token);
                }
            }, token);
        }

        await Task.WhenAll(workers);
        return Stopwatch.GetElapsedTime(startTimestamp);
    }
}
