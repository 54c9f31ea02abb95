using System;
using Microsoft.Extensions.Logging;

namespace HighPerf.Caching.Distributed;

/// <summary>Compile-time log messages of the L2 tier and the backplanes (event ids 300-349).</summary>
internal static partial class DistributedCacheLog
{
    public const string Category = "HighPerf.Caching.Distributed";

    [LoggerMessage(EventId = 300, EventName = "L2OperationFailed", Level = LogLevel.Warning,
        Message = "L2 cache {Operation} of '{Key}' failed; the caller sees a miss or a skipped write")]
    public static partial void L2OperationFailed(ILogger logger, string operation, string key, Exception exception);

    [LoggerMessage(EventId = 301, EventName = "L2CircuitOpened", Level = LogLevel.Warning,
        Message = "L2 cache backend failed; it is skipped for {BreakSeconds} s before it is tried again")]
    public static partial void L2CircuitOpened(ILogger logger, double breakSeconds);

    [LoggerMessage(EventId = 302, EventName = "L2CircuitClosed", Level = LogLevel.Information,
        Message = "L2 cache backend answers again; it is used again")]
    public static partial void L2CircuitClosed(ILogger logger);

    [LoggerMessage(EventId = 303, EventName = "L2SerializationFailed", Level = LogLevel.Error,
        Message = "L2 cache could not serialize or deserialize {Type} for '{Key}'; the value is not written, or read as a miss")]
    public static partial void L2SerializationFailed(ILogger logger, string type, string key, Exception exception);

    [LoggerMessage(EventId = 304, EventName = "L2PayloadUnreadable", Level = LogLevel.Warning,
        Message = "L2 cache payload of '{Key}' is unreadable ({Problem}); it is treated as a miss and overwritten")]
    public static partial void L2PayloadUnreadable(ILogger logger, string key, string problem);

    [LoggerMessage(EventId = 305, EventName = "L2TypeNotCovered", Level = LogLevel.Warning,
        Message = "{Method} returns {Type}, which no JSON metadata covers (declared context: {Context}; registered resolvers; reflection enabled: {ReflectionEnabled}); its results stay out of L2. Add [JsonSerializable(typeof({Type}))] to the method's [CacheJsonContext]")]
    public static partial void L2TypeNotCovered(ILogger logger, string method, string type, string context, bool reflectionEnabled, Exception? exception);

    [LoggerMessage(EventId = 310, EventName = "BackplaneConnected", Level = LogLevel.Information,
        Message = "Cache backplane {Transport} connected on channel '{Channel}' as node {NodeId}")]
    public static partial void BackplaneConnected(ILogger logger, string transport, string channel, string nodeId);

    [LoggerMessage(EventId = 311, EventName = "BackplaneConnectionLost", Level = LogLevel.Warning,
        Message = "Cache backplane {Transport} lost its connection; reconnecting in {DelayMilliseconds} ms")]
    public static partial void BackplaneConnectionLost(ILogger logger, string transport, double delayMilliseconds, Exception? exception);

    [LoggerMessage(EventId = 316, EventName = "BackplaneConnectionLostClientReconnects", Level = LogLevel.Warning,
        Message = "Cache backplane {Transport} lost its connection; the client reconnects and re-subscribes by itself")]
    public static partial void BackplaneConnectionLostClientReconnects(ILogger logger, string transport, Exception? exception);

    [LoggerMessage(EventId = 312, EventName = "BackplanePublishFailed", Level = LogLevel.Warning,
        Message = "Cache backplane {Transport} could not publish a {Kind} invalidation of {MethodName}; other nodes keep their copy until it expires")]
    public static partial void BackplanePublishFailed(ILogger logger, string transport, CacheInvalidationKind kind, string methodName, Exception exception);

    [LoggerMessage(EventId = 313, EventName = "BackplaneMessageRejected", Level = LogLevel.Warning,
        Message = "Cache backplane {Transport} received a message it cannot read: {Reason}")]
    public static partial void BackplaneMessageRejected(ILogger logger, string transport, string reason);

    [LoggerMessage(EventId = 314, EventName = "BackplaneHandlerFailed", Level = LogLevel.Error,
        Message = "A cache invalidation handler failed on a {Kind} message for {MethodName}")]
    public static partial void BackplaneHandlerFailed(ILogger logger, CacheInvalidationKind kind, string methodName, Exception exception);

    [LoggerMessage(EventId = 315, EventName = "BackplaneKeyTooLong", Level = LogLevel.Warning,
        Message = "A key invalidation of {MethodName} does not fit in one backplane message; every entry of the method is invalidated instead")]
    public static partial void BackplaneKeyTooLong(ILogger logger, string methodName);
}
