using System;

namespace HighPerf.Caching.Distributed.Backplane;

/// <summary>What the transports share about the sending side: node ids and message stamping.</summary>
internal static class BackplaneNode
{
    /// <summary>machine-pid-random: unique per process, readable in logs.</summary>
    public static string NewNodeId()
        => $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N").Substring(0, 8)}";

    /// <summary>
    /// The message as it goes on the wire: from this node (whatever the caller filled in, receivers must be able to
    /// drop their own messages) and with a send time when the caller left it at zero.
    /// </summary>
    public static CacheInvalidation Stamp(in CacheInvalidation message, string nodeId, TimeProvider timeProvider)
        => message with
        {
            OriginNodeId = nodeId,
            TimestampUnixMs = message.TimestampUnixMs != 0 ? message.TimestampUnixMs : timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
        };

    /// <summary>Tells the caching runtime that invalidations may have been lost, when this backplane is the one in force.</summary>
    public static void ReportDisconnected(ICacheBackplane backplane)
    {
        if (ReferenceEquals(HighPerfCaching.Current.Backplane, backplane))
        {
            HighPerfCaching.OnBackplaneDisconnected();
        }
    }
}
