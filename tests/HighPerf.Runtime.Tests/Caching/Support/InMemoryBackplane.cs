using Xunit;
using System.Collections.Concurrent;
using HighPerf.Caching.Distributed;

namespace HighPerf.Runtime.Tests.Caching.Support;

/// <summary>A backplane fake: records what this node publishes and lets a test deliver another node's message.</summary>
public sealed class InMemoryBackplane : ICacheBackplane
{
    private Func<CacheInvalidation, ValueTask>? _handler;

    public string NodeId => "node-under-test";

    public bool IsConnected { get; set; } = true;

    public ConcurrentQueue<CacheInvalidation> Published { get; } = new();

    public bool HasSubscriber => _handler is not null;

    public ValueTask PublishAsync(CacheInvalidation message, CancellationToken cancellationToken)
    {
        Published.Enqueue(message);
        return ValueTask.CompletedTask;
    }

    public IDisposable Subscribe(Func<CacheInvalidation, ValueTask> handler)
    {
        _handler = handler;
        return new Unsubscriber(this);
    }

    /// <summary>Delivers a message as if another node had sent it.</summary>
    public ValueTask DeliverFromOtherNodeAsync(CacheInvalidationKind kind, string methodName, string? key = null, string? tag = null)
        => _handler!(new CacheInvalidation(kind, methodName, key, tag, "other-node", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    /// <summary>Delivers <paramref name="message"/> as it is, origin included.</summary>
    public ValueTask DeliverAsync(CacheInvalidation message) => _handler!(message);

    private sealed class Unsubscriber(InMemoryBackplane owner) : IDisposable
    {
        public void Dispose() => owner._handler = null;
    }
}
