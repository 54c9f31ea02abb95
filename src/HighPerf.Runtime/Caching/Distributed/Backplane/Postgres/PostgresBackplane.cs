using System;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HighPerf.Caching.Distributed.Backplane.Postgres;

/// <summary>
/// Broadcasts cache invalidations over PostgreSQL LISTEN/NOTIFY. One dedicated connection LISTENs on the channel, on
/// a thread of its own that applies each notification as it arrives, and is re-opened with backoff whenever it drops;
/// publishing runs <c>pg_notify</c> on a pooled connection.
/// Payloads are JSON (<see cref="CacheInvalidationJson"/>) and must stay under PostgreSQL's 8000-byte limit.
/// </summary>
/// <remarks>
/// NOTIFY is delivered only to sessions listening at the time: messages sent while this node is reconnecting are
/// lost to it. That is why <see cref="IsConnected"/> turns false at once and the caching runtime is told
/// (<see cref="HighPerfCaching.OnBackplaneDisconnected"/>), which bounds how long local entries may live meanwhile.
/// </remarks>
public sealed partial class PostgresBackplane : ICacheBackplane, IAsyncDisposable
{
    /// <summary>PostgreSQL rejects a NOTIFY payload of 8000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7999;

    internal const string Transport = "postgres";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PostgresBackplaneOptions _options;
    private readonly ILogger _logger;
    private readonly BackplaneDispatcher _dispatcher;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _listenerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _wakeChannel = $"highperf_wake_{Guid.NewGuid():N}";
    private readonly Thread _listener;
    private TaskCompletionSource _connected = NewConnectedSignal();
    private volatile bool _isConnected;
    private int _disposed;

    /// <summary>Starts listening at once; <see cref="WhenConnectedAsync"/> completes when the first LISTEN succeeded.</summary>
    /// <param name="dataSource">Where to connect; the backplane holds one of its connections permanently.</param>
    /// <param name="options">Channel, node id, reconnect and timeout settings; null = defaults.</param>
    /// <param name="loggerFactory">Null = no logging.</param>
    /// <param name="ownsDataSource">Dispose <paramref name="dataSource"/> with the backplane.</param>
    public PostgresBackplane(NpgsqlDataSource dataSource, PostgresBackplaneOptions? options = null, ILoggerFactory? loggerFactory = null, bool ownsDataSource = false)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _ownsDataSource = ownsDataSource;
        _options = options ?? new PostgresBackplaneOptions();
        if (!ChannelName().IsMatch(_options.Channel))
        {
            throw new ArgumentException(
                $"'{_options.Channel}' is not a usable channel name: use 1-63 letters, digits or '_', not starting with a digit.", nameof(options));
        }

        NodeId = _options.NodeId ?? BackplaneNode.NewNodeId();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(DistributedCacheLog.Category);
        _dispatcher = new BackplaneDispatcher(Transport, NodeId, _logger);
        // UnsafeStart: the listener must not carry the constructing caller's AsyncLocals (an Activity, a scope) forever.
        _listener = new Thread(ListenLoop) { IsBackground = true, Name = "HighPerf backplane listener (postgres)" };
        _listener.UnsafeStart();
    }

    /// <summary>Connects to <paramref name="connectionString"/> through a data source the backplane owns.</summary>
    public static PostgresBackplane Create(string connectionString, PostgresBackplaneOptions? options = null, ILoggerFactory? loggerFactory = null)
        => new(NpgsqlDataSource.Create(connectionString), options, loggerFactory, ownsDataSource: true);

    public string NodeId { get; }

    public string Channel => _options.Channel;

    /// <summary>The thread that listens and applies notifications (tests check that it ends with the backplane).</summary>
    internal Thread ListenerThread => _listener;

    /// <summary>True while the LISTEN connection is open; false before the first connection and while reconnecting.</summary>
    public bool IsConnected => _isConnected;

    /// <summary>Completes when the listening connection is up (at once if it is).</summary>
    public Task WhenConnectedAsync(CancellationToken cancellationToken = default)
        => Volatile.Read(ref _connected).Task.WaitAsync(cancellationToken);

    public IDisposable Subscribe(Func<CacheInvalidation, ValueTask> handler) => _dispatcher.Subscribe(handler);

    public async ValueTask PublishAsync(CacheInvalidation message, CancellationToken cancellationToken)
    {
        message = BackplaneNode.Stamp(message, NodeId, _options.TimeProvider);
        string? payload = EncodeWithinLimit(ref message);
        if (payload is null)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _options.Channel });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
            await command.ExecuteNonQueryAsync(timeout.Token).ConfigureAwait(false);
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

    /// <summary>Stops the listening thread (and waits until it has exited) and closes its connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _dispatcher.Close();
        if (_isConnected)
        {
            await WakeListenerAsync().ConfigureAwait(false);
        }

        await _listenerStopped.Task.ConfigureAwait(false);
        _stopping.Dispose();
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private string? EncodeWithinLimit(ref CacheInvalidation message)
    {
        string payload = Encoding.UTF8.GetString(CacheInvalidationJson.Write(message));
        if (Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes)
        {
            return payload;
        }

        if (message.Kind == CacheInvalidationKind.Key)
        {
            // A key too long for one NOTIFY: clearing the whole method on the other nodes is wider but never stale.
            DistributedCacheLog.BackplaneKeyTooLong(_logger, message.MethodName);
            message = message with { Kind = CacheInvalidationKind.Method, Key = null };
            return EncodeWithinLimit(ref message);
        }

        HighPerfMeter.Distributed.RecordBackplaneError(Transport, "publish");
        DistributedCacheLog.BackplanePublishFailed(_logger, Transport, message.Kind, message.MethodName,
            new ArgumentException($"The invalidation message exceeds {MaxPayloadBytes} bytes, PostgreSQL's NOTIFY payload limit."));
        return null;
    }

    private static TaskCompletionSource NewConnectedSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex ChannelName();
}
