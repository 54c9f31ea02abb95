using System.Runtime.InteropServices;
using Dapper;
using Storefront;

StorefrontOptions? options = StorefrontOptions.Parse(args, Environment.GetEnvironmentVariable(StorefrontOptions.ConnectionStringVariable));
if (options is null)
{
    Console.Error.WriteLine(StorefrontOptions.Usage);
    return 2;
}

// Columns such as unit_price map to members such as UnitPrice.
DefaultTypeMap.MatchNamesWithUnderscores = true;

// Ctrl+C, `kill` and a closed terminal all unwind the run instead of ending the process on the spot, so that its
// disposals stop the embedded PostgreSQL and delete its files.
using var stop = new CancellationTokenSource();
int signalExitCode = 0;
using PosixSignalRegistration onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, 130));
using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, 143));
using PosixSignalRegistration onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => Stop(context, 129));

try
{
    await StorefrontRun.RunAsync(options, Console.Out, stop.Token);
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted; the embedded PostgreSQL, if one was started, has been stopped.");
    return signalExitCode;
}

void Stop(PosixSignalContext context, int exitCode)
{
    context.Cancel = true;
    signalExitCode = exitCode;
    stop.Cancel();
}
