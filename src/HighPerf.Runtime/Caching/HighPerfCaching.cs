using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Caching.Distributed;
using HighPerf.Caching.Expiration;
using HighPerf.Caching.Registry;

namespace HighPerf.Caching;

/// <summary>Process-wide entry points of <c>[Cached]</c>: the installed environment and tag invalidation.</summary>
public static class HighPerfCaching
{
    private static CacheEnvironment s_current = CacheEnvironment.Default;

    // Mirrors s_current.Clock.IsSystem so that the hit path reads the time from two fixed addresses (this flag and
    // CoarseClock's field) instead of following s_current -> Clock -> flag, three dependent loads per hit.
    private static volatile bool s_systemClock = true;
    private static BackplaneReceiver? s_receiver;
    private static readonly object InstallLock = new();

    /// <summary>The environment in force: <see cref="CacheEnvironment.Default"/> until one is installed.</summary>
    public static CacheEnvironment Current => Volatile.Read(ref s_current);

    /// <summary>The current time of the installed environment's clock, in its milliseconds (the hit path's read).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long NowMilliseconds() => s_systemClock ? CoarseClock.NowMilliseconds : Current.Clock.NowMilliseconds();

    /// <summary>
    /// Makes <paramref name="environment"/> the one in force and subscribes to its backplane. Called by
    /// <c>AddHighPerfCaching</c>'s startup component (and by tests). Disposing the result unsubscribes and puts
    /// <see cref="CacheEnvironment.Default"/> back, if this environment is still the one installed.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static IDisposable Install(CacheEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var receiver = new BackplaneReceiver(environment);
        lock (InstallLock)
        {
            s_receiver?.Dispose();
            s_receiver = receiver;
            Volatile.Write(ref s_current, environment);
            s_systemClock = environment.Clock.IsSystem;
            receiver.Start();
        }

        return new Installation(environment, receiver);
    }

    /// <summary>
    /// Removes every entry carrying <paramref name="tag"/>: from every method's L1 on this node, from L2, and, through
    /// the backplane, from every other node's L1.
    /// </summary>
    public static async ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tag);
        RemoveLocalByTag(tag);

        CacheEnvironment environment = Current;
        if (environment.L2 is { } l2)
        {
            await l2.RemoveByTagAsync(tag, cancellationToken).ConfigureAwait(false);
        }

        if (environment.Backplane is { } backplane)
        {
            var message = new CacheInvalidation(CacheInvalidationKind.Tag, string.Empty, null, tag, environment.NodeId, environment.UnixTimeMilliseconds());
            await BackplaneReceiver.PublishAsync(backplane, message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The tag every L2 write of the method named <paramref name="methodName"/> carries (<c>highperf:method:&lt;name&gt;</c>),
    /// so the whole method can be removed from L2 (<c>CachedMethod.ClearAsync</c>, backplane method messages).
    /// </summary>
    public static string MethodTag(string methodName)
    {
        ArgumentNullException.ThrowIfNull(methodName);
        return MethodTagPrefix + methodName;
    }

    internal const string MethodTagPrefix = "highperf:method:";

    /// <summary>
    /// Called by a backplane when it loses its connection: invalidations sent meanwhile may be lost, so every L1
    /// entry on this node now lives at most <see cref="CacheEnvironment.DisconnectedEntryDuration"/> (new entries get
    /// the same bound for as long as <see cref="ICacheBackplane.IsConnected"/> is false).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void OnBackplaneDisconnected()
    {
        long maxRemaining = CacheClock.ToMilliseconds(Current.DisconnectedEntryDuration);
        foreach (ICacheInvalidationTarget method in CacheRegistry.Snapshot())
        {
            method.CapLocalLifetimes(maxRemaining);
        }
    }

    internal static int RemoveLocalByTag(string tag)
    {
        int removed = 0;
        List<ICacheInvalidationTarget> methods = CacheRegistry.Snapshot();
        foreach (ICacheInvalidationTarget method in methods)
        {
            removed += method.RemoveLocalByTag(tag);
        }

        return removed;
    }

    private sealed class Installation(CacheEnvironment environment, BackplaneReceiver receiver) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            lock (InstallLock)
            {
                receiver.Dispose();
                if (ReferenceEquals(s_current, environment))
                {
                    Volatile.Write(ref s_current, CacheEnvironment.Default);
                    s_systemClock = true;
                    s_receiver = null;
                }
            }
        }
    }
}
