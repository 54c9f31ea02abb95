using System;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace HighPerf.Caching;

/// <summary>
/// L2 calls of the miss path. <see cref="ICacheL2"/> promises not to throw for a backend failure; these wrappers
/// hold that line anyway, so a broken L2 implementation costs a log line and a miss, never the caller's result.
/// Cancellation of the flight still propagates.
/// </summary>
public sealed partial class CachedMethod<TKey, TValue>
{
    private async ValueTask<(bool Found, TValue Value)> TryGetFromL2Async(ICacheL2 l2, string formattedKey, CancellationToken cancellationToken)
    {
        try
        {
            return await l2.TryGetAsync<TValue>(formattedKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogL2Failure(exception, "read", formattedKey);
            return (false, default!);
        }
    }

    private async ValueTask WriteToL2Async(ICacheL2 l2, string formattedKey, TValue value, TimeSpan duration, string[]? tags)
    {
        try
        {
            await l2.SetAsync(formattedKey, value, duration, tags, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogL2Failure(exception, "write", formattedKey);
        }
    }

    private void LogL2Failure(Exception exception, string operation, string formattedKey)
    {
        ILogger logger = Logger;
        if (logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning(exception, "L2 {Operation} of {Method} key {Key} failed; continuing without L2", operation, MethodName, formattedKey);
        }
    }
}
