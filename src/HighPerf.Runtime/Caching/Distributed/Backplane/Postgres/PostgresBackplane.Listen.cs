using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Diagnostics;
using Npgsql;

namespace HighPerf.Caching.Distributed.Backplane.Postgres;

// The listening side: a dedicated thread holds one connection that LISTENs, blocks in the synchronous
// NpgsqlConnection.Wait and applies each notification inline; the connection is re-opened with backoff when it fails.
public sealed partial class PostgresBackplane
{
    private const int KeepAliveQueryTimeoutSeconds = 5;

    // Why a thread of its own and a synchronous Wait: with WaitAsync, a notification reached the handlers only after the
    // socket engine had queued the read's continuation to the thread pool (and the dispatcher queued once more), so
    // under CPU load or a busy pool each invalidation waited behind the application's work items. A thread blocked in
    // recv() is woken by the kernel itself and removes the L1 entry before it reads the next message.
    private void ListenLoop()
    {
        var stopping = _stopping.Token;
        var backoff = new ReconnectBackoff(_options.ReconnectDelay, _options.MaxReconnectDelay);
        bool connectedBefore = false;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                NpgsqlConnection? connection = null;
                try
                {
                    // Not on the latency path: opened asynchronously so that DisposeAsync can cancel a slow connect.
                    connection = _dataSource.OpenConnectionAsync(stopping).AsTask().GetAwaiter().GetResult();
                    connection.Notification += OnNotification;
                    using (var listen = new NpgsqlCommand($"LISTEN \"{_options.Channel}\"; LISTEN \"{_wakeChannel}\"", connection))
                    {
                        listen.ExecuteNonQuery();
                    }

                    OnConnected(connectedBefore);
                    connectedBefore = true;
                    backoff.Reset();
                    WaitForNotifications(connection, stopping);
                }
                catch (Exception) when (stopping.IsCancellationRequested)
                {
                    // Shutting down: a cancelled open or a connection closed under the wait is expected.
                    break;
                }
                catch (Exception exception)
                {
                    var delay = backoff.Next();
                    OnConnectionLost(delay, exception);
                    SleepUnlessStopping(delay, stopping);
                }
                finally
                {
                    _isConnected = false;
                    if (connection is not null)
                    {
                        connection.Notification -= OnNotification;
                        DisposeQuietly(connection);
                    }
                }
            }
        }
        finally
        {
            _listenerStopped.TrySetResult();
        }
    }

    private void WaitForNotifications(NpgsqlConnection connection, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            // Notifications are raised on this thread, from inside Wait; DisposeAsync ends the wait with a NOTIFY on
            // the wake channel.
            if (!connection.Wait(_options.KeepAliveInterval))
            {
                // Silence for a whole interval: prove the connection is alive, or fail into the reconnect path. The
                // short timeout bounds how long a silently dead connection (a partition) passes for a live one.
                using var ping = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = KeepAliveQueryTimeoutSeconds };
                ping.ExecuteScalar();
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (string.Equals(e.Channel, _options.Channel, StringComparison.Ordinal))
        {
            _dispatcher.OnPayload(Encoding.UTF8.GetBytes(e.Payload));
        }
    }

    /// <summary>Wakes the listening thread out of <c>Wait</c> so it sees the stop at once instead of at the next keep-alive.</summary>
    private async Task WakeListenerAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.PublishTimeout);
            await using var command = _dataSource.CreateCommand("SELECT pg_notify($1, '')");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _wakeChannel });
            await command.ExecuteNonQueryAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or InvalidOperationException or System.IO.IOException)
        {
            // The server is unreachable, so the listener is not waiting on a live connection: it stops at its next
            // reconnect attempt, or when the keep-alive finds its connection dead.
        }
    }

    private void SleepUnlessStopping(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            Task.Delay(delay, _options.TimeProvider, stopping).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends the thread.
        }
    }

    private void OnConnected(bool reconnected)
    {
        _isConnected = true;
        // Pairs with DisposeAsync (cancel, then read _isConnected): either it sees true and wakes the wait, or this
        // thread sees the cancellation before it starts waiting. Without the fence both could read the old value.
        Interlocked.MemoryBarrier();
        Volatile.Read(ref _connected).TrySetResult();
        if (reconnected)
        {
            HighPerfMeter.Distributed.RecordBackplaneReconnect(Transport);
        }

        DistributedCacheLog.BackplaneConnected(_logger, Transport, _options.Channel, NodeId);
    }

    private void OnConnectionLost(TimeSpan retryIn, Exception exception)
    {
        bool wasConnected = _isConnected;
        _isConnected = false;
        if (wasConnected)
        {
            // Anyone awaiting WhenConnectedAsync from now on waits for the reconnection.
            Interlocked.Exchange(ref _connected, NewConnectedSignal());
            BackplaneNode.ReportDisconnected(this);
        }

        HighPerfMeter.Distributed.RecordBackplaneError(Transport, "connection");
        DistributedCacheLog.BackplaneConnectionLost(_logger, Transport, retryIn.TotalMilliseconds, exception);
    }

    private static void DisposeQuietly(NpgsqlConnection connection)
    {
        try
        {
            connection.Dispose();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or System.IO.IOException)
        {
            // Closing a connection the server already killed can fail; it is being dropped either way.
        }
    }
}
