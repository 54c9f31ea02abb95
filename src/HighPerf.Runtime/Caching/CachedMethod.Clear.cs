using System.Threading;
using System.Threading.Tasks;
using HighPerf.Caching.Distributed;
using HighPerf.Caching.Registry;

namespace HighPerf.Caching;

/// <summary>Clearing the whole method: this node's L1, its L2 entries (by the method tag), every other node's L1.</summary>
public sealed partial class CachedMethod<TKey, TValue>
{
    /// <summary>
    /// Removes every entry of this method: from this node's L1, from L2 (every entry written carries
    /// <see cref="HighPerfCaching.MethodTag"/>), and, through the backplane, from every other node's L1. Without
    /// <c>FormatKey</c> (an L1-only method) only the local L1 is concerned.
    /// </summary>
    public async ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        ((ICacheInvalidationTarget)this).ClearLocal();
        if (_options.FormatKey is null)
        {
            return;
        }

        CacheEnvironment environment = HighPerfCaching.Current;
        if (environment.L2 is { } l2)
        {
            await l2.RemoveByTagAsync(_methodTagOnly[0], cancellationToken).ConfigureAwait(false);
        }

        if (environment.Backplane is { } backplane)
        {
            var message = new CacheInvalidation(CacheInvalidationKind.Method, MethodName, null, null, environment.NodeId,
                environment.UnixTimeMilliseconds());
            await BackplaneReceiver.PublishAsync(backplane, message, cancellationToken).ConfigureAwait(false);
        }
    }
}
