using HighPerf.Caching.Distributed;
using HighPerf.Caching.Distributed.Backplane;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Distributed.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HighPerf.Runtime.Tests.Distributed;

/// <summary>The receive side without a transport: payloads are handed in the way the transports hand them.</summary>
[Collection(DistributedCollection.Name)]
public sealed class BackplaneDispatcherTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private readonly BackplaneDispatcher _dispatcher = new("test", "this-node", NullLogger.Instance);

    [Fact]
    public void SynchronousHandlers_RunOnTheDeliveringThread_InSubscriptionOrder_BeforeOnPayloadReturns()
    {
        var calls = new List<(string Handler, int ThreadId)>();
        using var first = _dispatcher.Subscribe(_ => Record(calls, "first"));
        using var second = _dispatcher.Subscribe(_ => Record(calls, "second"));

        _dispatcher.OnPayload(Payload("42"));

        int here = Environment.CurrentManagedThreadId;
        Assert.Equal([("first", here), ("second", here)], calls);
    }

    [Fact]
    public async Task HandlerStillPending_LetsLaterMessagesThrough_AndTheMessagesNextHandlerRunsOnceItCompletes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondHandlerSaw = new List<string>();
        using var slow = _dispatcher.Subscribe(message => message.Key == "slow" ? new ValueTask(gate.Task) : ValueTask.CompletedTask);
        using var next = _dispatcher.Subscribe(message =>
        {
            lock (secondHandlerSaw)
            {
                secondHandlerSaw.Add(message.Key!);
            }

            return ValueTask.CompletedTask;
        });

        _dispatcher.OnPayload(Payload("slow"));
        _dispatcher.OnPayload(Payload("fast"));

        Assert.Equal(["fast"], secondHandlerSaw);
        gate.SetResult();
        Assert.True(await Eventually.TrueAsync(() => { lock (secondHandlerSaw) { return secondHandlerSaw.Count == 2; } }, Bound));
        Assert.Equal(["fast", "slow"], secondHandlerSaw);
    }

    [Fact]
    public async Task HandlersThatThrowSynchronouslyOrAsynchronously_AreCounted_AndTheNextHandlerStillRuns()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheBackplaneErrors);
        var inbox = new InvalidationInbox();
        using var throwsAtOnce = _dispatcher.Subscribe(_ => throw new InvalidOperationException("handler bug"));
        using var throwsLater = _dispatcher.Subscribe(async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("async handler bug");
        });
        using var last = _dispatcher.Subscribe(inbox.Handler);

        _dispatcher.OnPayload(Payload("42"));

        Assert.True(await inbox.WaitForAsync("42", Bound));
        Assert.Equal(2, metrics.Sum(HighPerfDiagnostics.CacheBackplaneErrors,
            (HighPerfDiagnostics.BackplaneTransportTag, "test"), (HighPerfDiagnostics.BackplaneErrorKindTag, "handler")));
    }

    [Fact]
    public void OwnMessage_ReachesNoHandler()
    {
        var inbox = new InvalidationInbox();
        using var subscription = _dispatcher.Subscribe(inbox.Handler);

        _dispatcher.OnPayload(Payload("mine", origin: "this-node"));

        Assert.Equal(0, inbox.Count);
    }

    [Fact]
    public void UnreadablePayload_IsCountedAndReachesNoHandler()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheBackplaneErrors);
        var inbox = new InvalidationInbox();
        using var subscription = _dispatcher.Subscribe(inbox.Handler);

        _dispatcher.OnPayload("not json"u8);

        Assert.Equal(0, inbox.Count);
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheBackplaneErrors,
            (HighPerfDiagnostics.BackplaneTransportTag, "test"), (HighPerfDiagnostics.BackplaneErrorKindTag, "message")));
    }

    [Fact]
    public void PayloadAfterClose_ReachesNoHandler_AndAfterUnsubscribe_ReachesOnlyTheOthers()
    {
        var kept = new InvalidationInbox();
        var dropped = new InvalidationInbox();
        using var keptSubscription = _dispatcher.Subscribe(kept.Handler);
        _dispatcher.Subscribe(dropped.Handler).Dispose();

        _dispatcher.OnPayload(Payload("before-close"));
        _dispatcher.Close();
        _dispatcher.OnPayload(Payload("after-close"));

        Assert.Equal(["before-close"], kept.Received.Select(r => r.Message.Key));
        Assert.Equal(0, dropped.Count);
    }

    private static ValueTask Record(List<(string, int)> calls, string handler)
    {
        calls.Add((handler, Environment.CurrentManagedThreadId));
        return ValueTask.CompletedTask;
    }

    private static byte[] Payload(string key, string origin = "other-node")
        => CacheInvalidationJson.Write(new CacheInvalidation(CacheInvalidationKind.Key, "Shop.Products.Get", key, null, origin, 1));
}
