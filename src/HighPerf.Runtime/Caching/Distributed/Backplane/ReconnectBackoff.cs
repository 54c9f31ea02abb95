using System;

namespace HighPerf.Caching.Distributed.Backplane;

/// <summary>
/// Exponential backoff with full jitter for reconnect attempts: attempt n waits a random time in
/// [initial * 2^n / 2, initial * 2^n], capped at <c>max</c>, so nodes that lost the server together do not
/// reconnect in lockstep. <see cref="Reset"/> after a successful connection.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max)
{
    private int _attempt;

    public TimeSpan Next()
    {
        double ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(_attempt, 30)));
        _attempt++;
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    public void Reset() => _attempt = 0;
}
