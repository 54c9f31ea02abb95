using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HighPerf.Generators.Tests.Infrastructure;

/// <summary>An in-memory logger: records each entry, and can claim every level is off.</summary>
internal sealed class ListLogger(LogLevel minimumLevel = LogLevel.Trace) : ILogger
{
    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = new();

    public int FormatCalls;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        Interlocked.Increment(ref FormatCalls);
        Entries.Enqueue((logLevel, eventId, formatter(state, exception)));
    }
}
