using Microsoft.Extensions.Logging;

namespace HighPerf.Runtime;

/// <summary>Compile-time logging for slow calls: nothing is formatted or boxed when the level is off.</summary>
internal static partial class SlowCallLog
{
    [LoggerMessage(
        EventId = 1,
        EventName = "SlowCall",
        Level = LogLevel.Warning,
        Message = "{MethodName} took {ElapsedMilliseconds:F1} ms, over its {ThresholdMilliseconds} ms threshold (outcome: {Outcome})")]
    internal static partial void SlowCall(ILogger logger, string methodName, double elapsedMilliseconds, int thresholdMilliseconds, string outcome);
}
