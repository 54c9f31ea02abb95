using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace HighPerf.Caching.Stampede;

/// <summary>
/// One factory run for one key, shared by every caller that missed on that key while it runs.
/// </summary>
/// <remarks>
/// Each caller joins (<see cref="TryJoin"/>) and leaves when it stops waiting: with the result, or through its own
/// cancellation. The factory's token (<see cref="Token"/>) is cancelled only when the last waiter leaves before the
/// result exists; the flight is then abandoned (no one can join it) and leaves the table so the next caller starts a
/// fresh run. Background (eager refresh) flights are never abandoned.
/// The <see cref="CancellationTokenSource"/> is never disposed on purpose: it has no timer, so disposal frees
/// nothing, and a late <see cref="Leave"/> racing the completion would otherwise hit a disposed source.
/// </remarks>
internal sealed class Flight<TKey, TValue> where TKey : struct, IEquatable<TKey>
{
    private readonly TaskCompletionSource<TValue> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _cancellation = new();
    private readonly ConcurrentDictionary<TKey, Flight<TKey, TValue>> _table;
    private readonly object _gate = new();
    private int _waiters;
    private bool _abandoned;
    private volatile bool _invalidated;

    internal Flight(TKey key, ConcurrentDictionary<TKey, Flight<TKey, TValue>> table, bool background)
    {
        Key = key;
        _table = table;
        IsBackground = background;
    }

    internal TKey Key { get; }

    internal bool IsBackground { get; }

    /// <summary>The formatted key, once the run has computed it (lets a backplane message find this flight).</summary>
    internal string? FormattedKey { get; set; }

    /// <summary>The factory's token: cancelled when every waiter has gone.</summary>
    internal CancellationToken Token => _cancellation.Token;

    internal Task<TValue> Task => _completion.Task;

    /// <summary>Set under the store lock when the key is invalidated during the run: the result must not be stored.</summary>
    internal bool IsInvalidated => _invalidated;

    internal void Invalidate() => _invalidated = true;

    internal bool TryJoin()
    {
        lock (_gate)
        {
            if (_abandoned)
            {
                return false;
            }

            _waiters++;
            return true;
        }
    }

    internal async ValueTask<TValue> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>Blocks until the result exists (synchronous methods).</summary>
    internal TValue Wait()
    {
        try
        {
            return _completion.Task.GetAwaiter().GetResult();
        }
        finally
        {
            Leave();
        }
    }

    internal void SetResult(TValue value) => _completion.TrySetResult(value);

    internal void SetException(Exception exception)
    {
        if (exception is OperationCanceledException canceled)
        {
            _completion.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _completion.TrySetException(exception);
        }

        // Observed here so a run nobody waits for any more (abandoned, or a background refresh) does not raise
        // TaskScheduler.UnobservedTaskException later.
        _ = _completion.Task.Exception;
    }

    private void Leave()
    {
        lock (_gate)
        {
            _waiters--;
            if (_waiters > 0 || IsBackground || _completion.Task.IsCompleted)
            {
                return;
            }

            _abandoned = true;
        }

        _table.TryRemove(new KeyValuePair<TKey, Flight<TKey, TValue>>(Key, this));
        _cancellation.Cancel();
    }
}
