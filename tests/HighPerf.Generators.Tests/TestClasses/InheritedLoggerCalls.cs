using HighPerf;
using Microsoft.Extensions.Logging;

namespace HighPerf.Generators.Tests.TestClasses;

/// <summary>A base class that owns the logger, as service base classes often do.</summary>
public abstract class LoggingServiceBase(ILogger logger)
{
    // Declared first: members are searched in declaration order, and an instance method may use either.
    protected ILogger Logger { get; } = logger;

    protected static ILogger? SharedLogger { get; set; }
}

/// <summary>User code whose only loggers are inherited: slow calls must still be logged through them.</summary>
public sealed partial class InheritedLoggerCalls : LoggingServiceBase
{
    public InheritedLoggerCalls(ILogger logger, ILogger sharedLogger)
        : base(logger) => SharedLogger = sharedLogger;

    [TrackPerformance(SlowThresholdMilliseconds = 5)]
    public partial int Sleep(int milliseconds);

    private int SleepCore(int milliseconds)
    {
        Thread.Sleep(milliseconds);
        return milliseconds;
    }

    [TrackPerformance(SlowThresholdMilliseconds = 5)]
    public static partial int SleepStatic(int milliseconds);

    private static int SleepStaticCore(int milliseconds)
    {
        Thread.Sleep(milliseconds);
        return milliseconds;
    }
}
