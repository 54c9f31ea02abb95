using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Diagnostics;
using Npgsql;

namespace HighPerf.Caching.Distributed.Backplane.Postgres;

// The listening side: one connection that LISTENs and waits for notifications, re-opened with backoff when it fails.
public sealed partial class PostgresBackplane
{
    private async Task ListenLoopAsync()
    {
        var stopping = _stopping.Token;
        var backoff = new ReconnectBackoff(_options.ReconnectDelay, _options.MaxReconnectDelay);
        bool connectedBefore = false;
        while (!stopping.IsCancellationRequested)
        {
            NpgsqlConnection? connection = null;
            try
            {
                connection = await _dataSource.OpenConnectionAsync(stopping).ConfigureAwait(false);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN \"{_options.Channel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping).ConfigureAwait(false);
                }

                OnConnected(connectedBefore);
                connectedBefore = true;
                backoff.Reset();
                await WaitForNotificationsAsync(connection, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                var delay = backoff.Next();
                OnConnectionLost(delay, exception);
                try
                {
                    await Task.Delay(delay, _options.TimeProvider, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            finally
            {
                _isConnected = false;
                if (connection is not null)
                {
                    connection.Notification -= OnNotification;
                    await DisposeQuietlyAsync(connection).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task WaitForNotificationsAsync(NpgsqlConnection connection, CancellationToken stopping)
    {
        while (true)
        {
            // Notifications are raised on this connection's Notification event from inside WaitAsync.
            if (!await connection.WaitAsync(_options.KeepAliveInterval, stopping).ConfigureAwait(false))
            {
                // Silence for a whole interval: prove the connection is alive, or fail into the reconnect path.
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(stopping).ConfigureAwait(false);
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

    private void OnConnected(bool reconnected)
    {
        _isConnected = true;
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

    private static async ValueTask DisposeQuietlyAsync(NpgsqlConnection connection)
    {
        try
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or System.IO.IOException)
        {
            // Closing a connection the server already killed can fail; it is being dropped either way.
        }
    }
}
