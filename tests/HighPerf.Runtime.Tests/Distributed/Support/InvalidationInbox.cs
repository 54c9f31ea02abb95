using Xunit;
using System.Collections.Concurrent;
using System.Diagnostics;
using HighPerf.Caching.Distributed;

namespace HighPerf.Runtime.Tests.Distributed.Support;

/// <summary>Collects the messages a backplane hands to its subscriber, with the Stopwatch time of arrival.</summary>
internal sealed class InvalidationInbox
{
    private readonly ConcurrentQueue<(CacheInvalidation Message, long ReceivedTimestamp)> _received = new();

    public Func<CacheInvalidation, ValueTask> Handler => message =>
    {
        _received.Enqueue((message, Stopwatch.GetTimestamp()));
        return ValueTask.CompletedTask;
    };

    public int Count => _received.Count;

    public IReadOnlyList<(CacheInvalidation Message, long ReceivedTimestamp)> Received => _received.ToArray();

    public bool Contains(string key) => _received.Any(r => r.Message.Key == key);

    public Task<bool> WaitForAsync(string key, TimeSpan? timeout = null) => Eventually.TrueAsync(() => Contains(key), timeout ?? TimeSpan.FromSeconds(10));
}
