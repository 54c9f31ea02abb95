using HighPerf.Caching.Distributed;
using HighPerf.Caching.Distributed.Backplane.Postgres;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Distributed.Support;
using HighPerf.Testing.Postgres;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace HighPerf.Runtime.Tests.Distributed;

[Collection(DistributedCollection.Name)]
public sealed class PostgresBackplaneTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private readonly List<PostgresBackplane> _nodes = [];
    private readonly string _channel = $"test_{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task MessagePublishedOnA_IsReceivedOnB_AndNotOnA()
    {
        var (a, b) = await StartTwoNodesAsync();
        var inboxA = new InvalidationInbox();
        var inboxB = new InvalidationInbox();
        using var subA = a.Subscribe(inboxA.Handler);
        using var subB = b.Subscribe(inboxB.Handler);

        await a.PublishAsync(new CacheInvalidation(CacheInvalidationKind.Key, "Shop.Products.Get", "42", null, "ignored", 0), default);
        await b.PublishAsync(new CacheInvalidation(CacheInvalidationKind.Tag, string.Empty, null, "catalog", "ignored", 0), default);

        Assert.True(await inboxB.WaitForAsync("42"));
        Assert.True(await Eventually.TrueAsync(() => inboxA.Count == 1, Bound));
        var atB = Assert.Single(inboxB.Received).Message;
        Assert.Equal((CacheInvalidationKind.Key, "Shop.Products.Get", "42", a.NodeId), (atB.Kind, atB.MethodName, atB.Key, atB.OriginNodeId));
        Assert.True(atB.TimestampUnixMs > 0);
        var atA = Assert.Single(inboxA.Received).Message;
        Assert.Equal((CacheInvalidationKind.Tag, "catalog", b.NodeId), (atA.Kind, atA.Tag, atA.OriginNodeId));
    }

    [Fact]
    public async Task TwoHundredMessages_AreAllDelivered_AndTheLatencyIsReported()
    {
        var (a, b) = await StartTwoNodesAsync();

        var latencies = await BackplaneLatency.MeasureAsync(a, b, count: 200, perMessageTimeout: Bound);

        Assert.Equal(200, latencies.Count);
        output.WriteLine($"PostgreSQL LISTEN/NOTIFY, A -> B on loopback: {BackplaneLatency.Describe(latencies)}");
    }

    [Fact]
    public async Task ListeningConnectionKilled_Reconnects_AndMessagesFlowAgain()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheBackplaneReconnects, HighPerfDiagnostics.CacheBackplaneErrors);
        var (a, b) = await StartTwoNodesAsync();
        var inbox = new InvalidationInbox();
        using var sub = b.Subscribe(inbox.Handler);
        await a.PublishAsync(Key("before"), default);
        Assert.True(await inbox.WaitForAsync("before"));

        int killed = await TerminateListenerAsync(b);

        Assert.Equal(1, killed);
        Assert.True(await Eventually.TrueAsync(() => !b.IsConnected || metrics.Sum(HighPerfDiagnostics.CacheBackplaneReconnects) >= 1, Bound));
        await b.WhenConnectedAsync().WaitAsync(Bound);
        Assert.True(await Eventually.TrueAsync(() => metrics.Sum(HighPerfDiagnostics.CacheBackplaneReconnects,
            (HighPerfDiagnostics.BackplaneTransportTag, "postgres")) >= 1, Bound));
        await a.PublishAsync(Key("after"), default);
        Assert.True(await inbox.WaitForAsync("after"));
        Assert.True(metrics.Sum(HighPerfDiagnostics.CacheBackplaneErrors, (HighPerfDiagnostics.BackplaneErrorKindTag, "connection")) >= 1);
    }

    [Fact]
    public async Task UnreadablePayloadOnTheChannel_IsCountedAndDropped_AndLaterMessagesStillArrive()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheBackplaneErrors);
        var (a, b) = await StartTwoNodesAsync();
        var inbox = new InvalidationInbox();
        using var sub = b.Subscribe(inbox.Handler);

        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
        {
            await connection.OpenAsync();
            await using var notify = new NpgsqlCommand($"SELECT pg_notify('{_channel}', 'not json'), pg_notify('{_channel}', '{{\"kind\":\"nope\",\"node\":\"x\"}}')", connection);
            await notify.ExecuteNonQueryAsync();
        }

        await a.PublishAsync(Key("valid"), default);

        Assert.True(await inbox.WaitForAsync("valid"));
        Assert.Single(inbox.Received);
        Assert.True(await Eventually.TrueAsync(() => metrics.Sum(HighPerfDiagnostics.CacheBackplaneErrors,
            (HighPerfDiagnostics.BackplaneErrorKindTag, "message")) >= 4, Bound), "two bad payloads, each seen by two nodes");
    }

    [Fact]
    public async Task HandlerThatThrows_IsCounted_AndTheOtherHandlersAndLaterMessagesStillRun()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheBackplaneErrors);
        var (a, b) = await StartTwoNodesAsync();
        var inbox = new InvalidationInbox();
        using var failing = b.Subscribe(_ => throw new InvalidOperationException("handler bug"));
        using var sub = b.Subscribe(inbox.Handler);

        await a.PublishAsync(Key("first"), default);
        await a.PublishAsync(Key("second"), default);

        Assert.True(await inbox.WaitForAsync("second"));
        Assert.True(inbox.Contains("first"));
        Assert.Equal(2, metrics.Sum(HighPerfDiagnostics.CacheBackplaneErrors, (HighPerfDiagnostics.BackplaneErrorKindTag, "handler")));
    }

    [Fact]
    public async Task KeyTooLongForOneNotify_IsSentAsAWholeMethodInvalidation()
    {
        var (a, b) = await StartTwoNodesAsync();
        var inbox = new InvalidationInbox();
        using var sub = b.Subscribe(inbox.Handler);

        await a.PublishAsync(Key(new string('k', PostgresBackplane.MaxPayloadBytes)), default);

        Assert.True(await Eventually.TrueAsync(() => inbox.Count == 1, Bound));
        var received = Assert.Single(inbox.Received).Message;
        Assert.Equal((CacheInvalidationKind.Method, "Shop.Products.Get", null), (received.Kind, received.MethodName, received.Key));
    }

    [Fact]
    public async Task PublishWhileTheServerIsUnreachable_DoesNotThrow_AndIsCounted()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheBackplaneErrors);
        var unreachable = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Port = Testing.Processes.FreeTcpPort.Find(), Timeout = 2 };
        await using var node = PostgresBackplane.Create(unreachable.ConnectionString, new PostgresBackplaneOptions { Channel = _channel });

        await node.PublishAsync(Key("lost"), default);

        Assert.False(node.IsConnected);
        Assert.True(metrics.Sum(HighPerfDiagnostics.CacheBackplaneErrors,
            (HighPerfDiagnostics.BackplaneTransportTag, "postgres"), (HighPerfDiagnostics.BackplaneErrorKindTag, "publish")) >= 1);
    }

    [Fact]
    public async Task Notification_IsHandledOnTheListenerThread_NotOnAThreadPoolThread()
    {
        var (a, b) = await StartTwoNodesAsync();
        var handledOn = new TaskCompletionSource<Thread>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sub = b.Subscribe(_ =>
        {
            handledOn.TrySetResult(Thread.CurrentThread);
            return ValueTask.CompletedTask;
        });

        await a.PublishAsync(Key("where"), default);

        var thread = await handledOn.Task.WaitAsync(Bound);
        Assert.Same(b.ListenerThread, thread);
        Assert.False(thread.IsThreadPoolThread);
        Assert.True(thread.IsBackground);
    }

    [Fact]
    public async Task DisposeWhileListening_WakesTheListenerThread_AndItExitsLongBeforeTheKeepAlive()
    {
        var node = StartNode("sleeper", keepAlive: TimeSpan.FromMinutes(10));
        await node.WhenConnectedAsync().WaitAsync(Bound);

        await node.DisposeAsync().AsTask().WaitAsync(Bound);

        Assert.True(node.ListenerThread.Join(Bound));
        Assert.False(node.IsConnected);
    }

    [Fact]
    public async Task DisposeWhileReconnecting_EndsTheBackoffWait_AndTheListenerThreadExits()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheBackplaneErrors);
        var unreachable = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Port = Testing.Processes.FreeTcpPort.Find(), Timeout = 2 };
        var node = PostgresBackplane.Create(unreachable.ConnectionString,
            new PostgresBackplaneOptions { Channel = _channel, ReconnectDelay = TimeSpan.FromMinutes(10), MaxReconnectDelay = TimeSpan.FromMinutes(10) });
        Assert.True(await Eventually.TrueAsync(() => metrics.Sum(HighPerfDiagnostics.CacheBackplaneErrors,
            (HighPerfDiagnostics.BackplaneErrorKindTag, "connection")) >= 1, Bound), "the first connect failed and the listener waits to retry");

        await node.DisposeAsync().AsTask().WaitAsync(Bound);

        Assert.True(node.ListenerThread.Join(Bound));
    }

    [Fact]
    public async Task BackplanesCreatedAndDisposedInTurn_LeaveNoListenerThreadOrConnectionBehind()
    {
        var threads = new List<Thread>();
        for (int i = 0; i < 5; i++)
        {
            var node = StartNode($"cycle_{i}");
            await node.WhenConnectedAsync().WaitAsync(Bound);
            threads.Add(node.ListenerThread);
            _nodes.Remove(node);
            await node.DisposeAsync().AsTask().WaitAsync(Bound);
        }

        Assert.All(threads, thread => Assert.False(thread.IsAlive));
        Assert.Equal(5, threads.Distinct().Count());
        Assert.True(await Eventually.TrueAsync(async () => await CountListenersAsync() == 0, Bound));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1starts_with_digit")]
    [InlineData("has-dash")]
    [InlineData("quote\"inside")]
    public void ChannelThatIsNotAnIdentifier_IsRejected(string channel)
    {
        using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);

        Assert.Throws<ArgumentException>(() => new PostgresBackplane(dataSource, new PostgresBackplaneOptions { Channel = channel }));
    }

    private static CacheInvalidation Key(string key) => new(CacheInvalidationKind.Key, "Shop.Products.Get", key, null, string.Empty, 0);

    private async Task<(PostgresBackplane A, PostgresBackplane B)> StartTwoNodesAsync()
    {
        var a = StartNode("node_a");
        var b = StartNode("node_b");
        await Task.WhenAll(a.WhenConnectedAsync(), b.WhenConnectedAsync()).WaitAsync(Bound);
        return (a, b);
    }

    private PostgresBackplane StartNode(string name, TimeSpan? keepAlive = null)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { ApplicationName = $"{_channel}_{name}" }.ConnectionString;
        var options = new PostgresBackplaneOptions { Channel = _channel, NodeId = name };
        if (keepAlive is { } interval)
        {
            options.KeepAliveInterval = interval;
        }

        var node = PostgresBackplane.Create(connectionString, options);
        _nodes.Add(node);
        return node;
    }

    private async Task<long> CountListenersAsync()
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE $1 AND state IS NOT NULL", connection);
        count.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{_channel}_%" });
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<int> TerminateListenerAsync(PostgresBackplane node)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var kill = new NpgsqlCommand(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%') killed",
            connection);
        kill.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{_channel}_{node.NodeId}" });
        return (int)(long)(await kill.ExecuteScalarAsync())!;
    }
}
