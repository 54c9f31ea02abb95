using System;
using System.Threading;
using System.Threading.Tasks;

namespace HighPerf.Caching.Distributed;

/// <summary>
/// Broadcasts invalidations between nodes so that no node keeps a stale L1 copy
/// (PostgreSQL LISTEN/NOTIFY, Redis pub/sub, ...).
/// </summary>
/// <remarks>
/// While <see cref="IsConnected"/> is false, new L1 entries live at most
/// <see cref="CacheEnvironment.DisconnectedEntryDuration"/>; an implementation that notices a lost connection calls
/// <see cref="HighPerfCaching.OnBackplaneDisconnected"/> so entries cached before the loss get the same bound.
/// </remarks>
public interface ICacheBackplane
{
    /// <summary>This node's id; messages carry it as <see cref="CacheInvalidation.OriginNodeId"/>.</summary>
    string NodeId { get; }

    /// <summary>False while the transport is down (messages may be lost).</summary>
    bool IsConnected { get; }

    /// <summary>Sends <paramref name="message"/> to every other node. Never throws for a transport failure.</summary>
    ValueTask PublishAsync(CacheInvalidation message, CancellationToken cancellationToken);

    /// <summary>
    /// Registers <paramref name="handler"/> for messages from OTHER nodes only (a node never receives its own).
    /// Dispose the result to stop receiving.
    /// </summary>
    /// <remarks>
    /// The built-in transports call handlers on the thread that received the message, before it reads the next one:
    /// a handler must not block (complete synchronously, or return a pending <see cref="ValueTask"/>).
    /// </remarks>
    IDisposable Subscribe(Func<CacheInvalidation, ValueTask> handler);
}
