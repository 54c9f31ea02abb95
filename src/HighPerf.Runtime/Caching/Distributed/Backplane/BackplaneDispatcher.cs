using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using HighPerf.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HighPerf.Caching.Distributed.Backplane;

/// <summary>
/// The receive side shared by the transports: decodes a payload, drops this node's own messages, and runs the
/// subscribed handlers on the rest, in subscription order, on the thread that delivered the payload.
/// </summary>
/// <remarks>
/// There is no queue and no hop to the thread pool: the caching runtime's handler removes the L1 entry synchronously,
/// so the entry is gone before the transport's receive thread reads the next message, whatever the thread pool is
/// doing. A handler whose <see cref="ValueTask"/> is still pending (forwarding a tag removal to L2) lets the receive
/// thread go back to the wire: the message's remaining handlers run, in order, when it completes. Later messages do
/// not wait for it; invalidations are removals, so their order across messages does not matter. A handler that throws
/// is counted and logged, and the others and later messages still run. Handlers must not block.
/// </remarks>
internal sealed class BackplaneDispatcher(string transport, string nodeId, ILogger logger)
{
    private ImmutableArray<Func<CacheInvalidation, ValueTask>> _handlers = [];
    private volatile bool _closed;

    public IDisposable Subscribe(Func<CacheInvalidation, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ImmutableInterlocked.Update(ref _handlers, static (list, h) => list.Add(h), handler);
        return new Subscription(this, handler);
    }

    /// <summary>Called by the transport for every payload received on the channel (its own included).</summary>
    public void OnPayload(ReadOnlySpan<byte> utf8Json)
    {
        if (_closed)
        {
            return;
        }

        if (!CacheInvalidationJson.TryRead(utf8Json, out var message, out var error))
        {
            HighPerfMeter.Distributed.RecordBackplaneError(transport, "message");
            DistributedCacheLog.BackplaneMessageRejected(logger, transport, error!);
            return;
        }

        if (!string.Equals(message.OriginNodeId, nodeId, StringComparison.Ordinal))
        {
            // ImmutableArray wraps one array reference: reading the field is atomic, and each dispatch sees one snapshot.
            Dispatch(message, _handlers, first: 0);
        }
    }

    /// <summary>Drops every payload from now on (the transport is shutting down); handlers already running finish.</summary>
    public void Close() => _closed = true;

    private void Dispatch(CacheInvalidation message, ImmutableArray<Func<CacheInvalidation, ValueTask>> handlers, int first)
    {
        for (int i = first; i < handlers.Length; i++)
        {
            ValueTask pending;
            try
            {
                pending = handlers[i](message);
                if (pending.IsCompleted)
                {
                    pending.GetAwaiter().GetResult(); // observes the result (and releases a pooled IValueTaskSource)
                    continue;
                }
            }
            catch (Exception exception)
            {
                RecordFailure(message, exception);
                continue;
            }

            _ = ContinueWhenCompletedAsync(pending, message, handlers, next: i + 1);
            return;
        }
    }

    private async Task ContinueWhenCompletedAsync(ValueTask pending, CacheInvalidation message, ImmutableArray<Func<CacheInvalidation, ValueTask>> handlers, int next)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            RecordFailure(message, exception);
        }

        Dispatch(message, handlers, next);
    }

    private void RecordFailure(in CacheInvalidation message, Exception exception)
    {
        HighPerfMeter.Distributed.RecordBackplaneError(transport, "handler");
        DistributedCacheLog.BackplaneHandlerFailed(logger, message.Kind, message.MethodName, exception);
    }

    private sealed class Subscription(BackplaneDispatcher owner, Func<CacheInvalidation, ValueTask> handler) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref owner._handlers, static (list, h) => list.Remove(h), handler);
    }
}
