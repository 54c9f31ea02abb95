using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace HighPerf.Caching.Registry;

/// <summary>
/// Every cached method of the process by <c>MethodName</c>, so tag removal and backplane messages reach each L1.
/// </summary>
/// <remarks>
/// Generated code keeps each method in a static field, so entries live as long as the process; the weak references
/// only matter for short-lived instances (tests). A second method registered under the same name replaces the first:
/// method names are unique per process.
/// </remarks>
internal static class CacheRegistry
{
    private static readonly ConcurrentDictionary<string, WeakReference<ICacheInvalidationTarget>> Methods = new(StringComparer.Ordinal);

    internal static void Register(ICacheInvalidationTarget method)
        => Methods[method.MethodName] = new WeakReference<ICacheInvalidationTarget>(method);

    internal static ICacheInvalidationTarget? Find(string methodName)
    {
        if (Methods.TryGetValue(methodName, out WeakReference<ICacheInvalidationTarget>? reference)
            && reference.TryGetTarget(out ICacheInvalidationTarget? method))
        {
            return method;
        }

        return null;
    }

    /// <summary>The live methods; prunes the collected ones on the way.</summary>
    internal static List<ICacheInvalidationTarget> Snapshot()
    {
        var live = new List<ICacheInvalidationTarget>(Methods.Count);
        foreach (KeyValuePair<string, WeakReference<ICacheInvalidationTarget>> pair in Methods)
        {
            if (pair.Value.TryGetTarget(out ICacheInvalidationTarget? method))
            {
                live.Add(method);
            }
            else
            {
                Methods.TryRemove(pair);
            }
        }

        return live;
    }
}
