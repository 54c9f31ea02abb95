using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Storefront.Reporting;

/// <summary>
/// A logger provider that writes nothing and counts the slow-call warnings HighPerf logs, per method. It reads the
/// structured log state (event <c>SlowCall</c>, property <c>MethodName</c>), not the formatted text.
/// </summary>
public sealed class SlowCallLogCounter : ILoggerProvider
{
    private const string SlowCallEventName = "SlowCall";
    private const string MethodNameProperty = "MethodName";

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int CountFor(string methodName) => _counts.GetValueOrDefault(methodName);

    public ILogger CreateLogger(string categoryName) => new CountingLogger(this);

    public void Dispose()
    {
    }

    private void Count<TState>(EventId eventId, TState state)
    {
        if (eventId.Name != SlowCallEventName || state is not IReadOnlyList<KeyValuePair<string, object?>> properties)
        {
            return;
        }

        foreach (KeyValuePair<string, object?> property in properties)
        {
            if (property is { Key: MethodNameProperty, Value: string methodName })
            {
                _counts.AddOrUpdate(methodName, 1, static (_, count) => count + 1);
                return;
            }
        }
    }

    private sealed class CountingLogger(SlowCallLogCounter owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Count(eventId, state);
            }
        }
    }
}
