using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using HighPerf.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HighPerf.Caching.Distributed.Backplane;

/// <summary>
/// The receive side shared by the transports: decodes a payload, drops this node's own messages, and hands the
/// rest to the subscribed handlers one message at a time, in arrival order, on a loop of its own (a transport's
/// network callback never waits for a handler, and a throwing handler cannot break the transport).
/// </summary>
internal sealed class BackplaneDispatcher : IAsyncDisposable
{
    private readonly string _transport;
    private readonly string _nodeId;
    private readonly ILogger _logger;
    private readonly Channel<CacheInvalidation> _queue =
        Channel.CreateUnbounded<CacheInvalidation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private ImmutableArray<Func<CacheInvalidation, ValueTask>> _handlers = [];

    public BackplaneDispatcher(string transport, string nodeId, ILogger logger)
    {
        _transport = transport;
        _nodeId = nodeId;
        _logger = logger;
        _loop = Task.Run(DispatchLoopAsync);
    }

    public IDisposable Subscribe(Func<CacheInvalidation, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ImmutableInterlocked.Update(ref _handlers, static (list, h) => list.Add(h), handler);
        return new Subscription(this, handler);
    }

    /// <summary>Called by the transport for every payload received on the channel (its own included).</summary>
    public void OnPayload(ReadOnlySpan<byte> utf8Json)
    {
        if (!CacheInvalidationJson.TryRead(utf8Json, out var message, out var error))
        {
            HighPerfMeter.Distributed.RecordBackplaneError(_transport, "message");
            DistributedCacheLog.BackplaneMessageRejected(_logger, _transport, error!);
            return;
        }

        if (!string.Equals(message.OriginNodeId, _nodeId, StringComparison.Ordinal))
        {
            _queue.Writer.TryWrite(message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task DispatchLoopAsync()
    {
        await foreach (var message in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            // ImmutableArray wraps one array reference: reading the field is atomic, and each dispatch sees one snapshot.
            foreach (var handler in _handlers)
            {
                try
                {
                    await handler(message).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    HighPerfMeter.Distributed.RecordBackplaneError(_transport, "handler");
                    DistributedCacheLog.BackplaneHandlerFailed(_logger, message.Kind, message.MethodName, exception);
                }
            }
        }
    }

    private sealed class Subscription(BackplaneDispatcher owner, Func<CacheInvalidation, ValueTask> handler) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref owner._handlers, static (list, h) => list.Remove(h), handler);
    }
}
