using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Caching.Distributed;
using HighPerf.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HighPerf.Caching.Registry;

/// <summary>Applies invalidations from other nodes to this node's L1 entries, and counts messages both ways.</summary>
internal sealed class BackplaneReceiver : IDisposable
{
    private readonly CacheEnvironment _environment;
    private readonly ILogger _logger;
    private IDisposable? _subscription;

    internal BackplaneReceiver(CacheEnvironment environment)
    {
        _environment = environment;
        _logger = environment.CreateLogger();
    }

    internal void Start() => _subscription = _environment.Backplane?.Subscribe(OnMessage);

    public void Dispose() => Interlocked.Exchange(ref _subscription, null)?.Dispose();

    internal static ValueTask PublishAsync(ICacheBackplane backplane, CacheInvalidation message, CancellationToken cancellationToken)
    {
        Count(message.Kind, HighPerfDiagnostics.CacheDirectionSent);
        return backplane.PublishAsync(message, cancellationToken);
    }

    internal ValueTask OnMessage(CacheInvalidation message)
    {
        // The backplane promises other nodes' messages only; the check keeps a misbehaving transport from making a
        // node drop the entries it has just written.
        if (string.Equals(message.OriginNodeId, _environment.NodeId, StringComparison.Ordinal))
        {
            return ValueTask.CompletedTask;
        }

        Count(message.Kind, HighPerfDiagnostics.CacheDirectionReceived);
        if (HighPerfMeter.Cache.BackplaneLag.Enabled)
        {
            double lagSeconds = Math.Max(0, _environment.UnixTimeMilliseconds() - message.TimestampUnixMs) / 1000.0;
            HighPerfMeter.Cache.BackplaneLag.Record(lagSeconds, new TagList { { HighPerfDiagnostics.CacheInvalidationKindTag, KindName(message.Kind) } });
        }

        try
        {
            Apply(message);
        }
        catch (Exception exception)
        {
            // A handler that throws would break some transports' receive loops; a bad message must not.
            _logger.LogError(exception, "Applying cache invalidation {Kind} {Method} {Key} {Tag} failed", message.Kind, message.MethodName, message.Key, message.Tag);
        }

        return ValueTask.CompletedTask;
    }

    private static void Apply(CacheInvalidation message)
    {
        switch (message.Kind)
        {
            case CacheInvalidationKind.Key when message.Key is not null:
                CacheRegistry.Find(message.MethodName)?.RemoveLocalByFormattedKey(message.Key);
                break;
            case CacheInvalidationKind.Tag when message.Tag is not null:
                HighPerfCaching.RemoveLocalByTag(message.Tag);
                break;
            case CacheInvalidationKind.Method:
                CacheRegistry.Find(message.MethodName)?.ClearLocal();
                break;
        }
    }

    private static void Count(CacheInvalidationKind kind, string direction)
    {
        if (HighPerfMeter.Cache.BackplaneMessages.Enabled)
        {
            HighPerfMeter.Cache.BackplaneMessages.Add(1, new TagList
            {
                { HighPerfDiagnostics.CacheDirectionTag, direction },
                { HighPerfDiagnostics.CacheInvalidationKindTag, KindName(kind) },
            });
        }
    }

    private static string KindName(CacheInvalidationKind kind) => kind switch
    {
        CacheInvalidationKind.Key => "key",
        CacheInvalidationKind.Tag => "tag",
        _ => "method",
    };
}
