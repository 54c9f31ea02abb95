using System;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace HighPerf.Caching.Distributed.Backplane.Redis;

/// <summary>
/// Broadcasts cache invalidations over Redis pub/sub (StackExchange.Redis). The multiplexer reconnects and
/// re-subscribes by itself; this class follows its subscription connection to report <see cref="IsConnected"/>,
/// count losses and reconnections, and tell the caching runtime when messages may have been lost.
/// </summary>
public sealed class RedisBackplane : ICacheBackplane, IAsyncDisposable
{
    internal const string Transport = "redis";

    private readonly IConnectionMultiplexer _multiplexer;
    private readonly bool _ownsMultiplexer;
    private readonly RedisBackplaneOptions _options;
    private readonly RedisChannel _channel;
    private readonly ISubscriber _subscriber;
    private readonly ILogger _logger;
    private readonly BackplaneDispatcher _dispatcher;
    private Task _subscribed;
    private int _disposed;

    /// <summary>Subscribes at once; <see cref="WhenConnectedAsync"/> completes when the subscription is in place.</summary>
    public RedisBackplane(IConnectionMultiplexer multiplexer, RedisBackplaneOptions? options = null, ILoggerFactory? loggerFactory = null, bool ownsMultiplexer = false)
    {
        _multiplexer = multiplexer ?? throw new ArgumentNullException(nameof(multiplexer));
        _ownsMultiplexer = ownsMultiplexer;
        _options = options ?? new RedisBackplaneOptions();
        if (string.IsNullOrEmpty(_options.Channel))
        {
            throw new ArgumentException("The channel name cannot be empty.", nameof(options));
        }

        NodeId = _options.NodeId ?? BackplaneNode.NewNodeId();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(DistributedCacheLog.Category);
        _dispatcher = new BackplaneDispatcher(Transport, NodeId, _logger);
        _channel = RedisChannel.Literal(_options.Channel);
        _subscriber = multiplexer.GetSubscriber();
        _multiplexer.ConnectionFailed += OnConnectionFailed;
        _multiplexer.ConnectionRestored += OnConnectionRestored;
        _subscribed = SubscribeAsync();
    }

    /// <summary>Connects to <paramref name="configuration"/> (a StackExchange.Redis configuration string) with a multiplexer the backplane owns.</summary>
    public static async Task<RedisBackplane> CreateAsync(string configuration, RedisBackplaneOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        var config = ConfigurationOptions.Parse(configuration);
        config.AbortOnConnectFail = false; // start even when Redis is down; the multiplexer keeps retrying
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(config).ConfigureAwait(false);
        return new RedisBackplane(multiplexer, options, loggerFactory, ownsMultiplexer: true);
    }

    public string NodeId { get; }

    public string Channel => _options.Channel;

    public bool IsConnected => Volatile.Read(ref _subscribed).IsCompletedSuccessfully && _subscriber.IsConnected(_channel);

    /// <summary>Completes when the subscription is in place (faults if the last attempt to subscribe failed).</summary>
    public Task WhenConnectedAsync(CancellationToken cancellationToken = default) => Volatile.Read(ref _subscribed).WaitAsync(cancellationToken);

    public IDisposable Subscribe(Func<CacheInvalidation, ValueTask> handler) => _dispatcher.Subscribe(handler);

    public async ValueTask PublishAsync(CacheInvalidation message, CancellationToken cancellationToken)
    {
        message = BackplaneNode.Stamp(message, NodeId, _options.TimeProvider);
        byte[] payload = CacheInvalidationJson.Write(message);
        try
        {
            await _subscriber.PublishAsync(_channel, payload).WaitAsync(_options.PublishTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            HighPerfMeter.Distributed.RecordBackplaneError(Transport, "publish");
            DistributedCacheLog.BackplanePublishFailed(_logger, Transport, message.Kind, message.MethodName, exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _dispatcher.Close();
        _multiplexer.ConnectionFailed -= OnConnectionFailed;
        _multiplexer.ConnectionRestored -= OnConnectionRestored;
        try
        {
            await _subscriber.UnsubscribeAsync(_channel).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Redis is unreachable: the subscription dies with the connection anyway.
        }

        if (_ownsMultiplexer)
        {
            await _multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task SubscribeAsync()
    {
        // StackExchange.Redis calls the handler from a work item of its own per message: dispatching inline there
        // applies the invalidation without a further hop.
        await _subscriber.SubscribeAsync(_channel, (_, value) => _dispatcher.OnPayload(((ReadOnlyMemory<byte>)value).Span)).ConfigureAwait(false);
        DistributedCacheLog.BackplaneConnected(_logger, Transport, _options.Channel, NodeId);
    }

    private async Task ResubscribeAsync()
    {
        // Drop whatever the failed attempt may have registered, so the handler is never attached twice.
        await _subscriber.UnsubscribeAsync(_channel).ConfigureAwait(false);
        await SubscribeAsync().ConfigureAwait(false);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Subscription)
        {
            return;
        }

        HighPerfMeter.Distributed.RecordBackplaneError(Transport, "connection");
        DistributedCacheLog.BackplaneConnectionLostClientReconnects(_logger, Transport, e.Exception);
        BackplaneNode.ReportDisconnected(this);
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Subscription)
        {
            return;
        }

        HighPerfMeter.Distributed.RecordBackplaneReconnect(Transport);
        var previous = Volatile.Read(ref _subscribed);
        if (previous.IsFaulted)
        {
            // Redis was down when the backplane started and SUBSCRIBE timed out: subscribe now that it is back.
            _ = previous.Exception;
            Interlocked.CompareExchange(ref _subscribed, ResubscribeAsync(), previous);
            return;
        }

        DistributedCacheLog.BackplaneConnected(_logger, Transport, _options.Channel, NodeId);
    }
}
