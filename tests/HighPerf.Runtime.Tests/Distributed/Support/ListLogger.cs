using Xunit;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HighPerf.Runtime.Tests.Distributed.Support;

/// <summary>An in-memory logger provider: every entry of every category, with its event name and level.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string EventName, string Message, Exception? Exception)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string EventName, string Message, Exception? Exception)> Entries => _entries.ToArray();

    public int Count(string eventName) => _entries.Count(e => e.EventName == eventName);

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner._entries.Enqueue((category, logLevel, eventId.Name ?? string.Empty, formatter(state, exception), exception));
    }
}
