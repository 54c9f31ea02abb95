using System;

namespace HighPerf.Caching.Expiration;

/// <summary>A monotonic millisecond clock over a <see cref="TimeProvider"/>, read on every cache hit.</summary>
internal sealed class CacheClock
{
    internal static readonly CacheClock System = new(TimeProvider.System);

    private readonly TimeProvider _timeProvider;
    private readonly bool _isSystem;
    private readonly long _frequency;

    internal CacheClock(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _isSystem = ReferenceEquals(timeProvider, TimeProvider.System);
        _frequency = timeProvider.TimestampFrequency;
    }

    /// <summary>True for <see cref="TimeProvider.System"/>: the clock is <see cref="CoarseClock"/>.</summary>
    internal bool IsSystem => _isSystem;

    /// <summary>Milliseconds since an arbitrary origin; never goes backwards.</summary>
    internal long NowMilliseconds()
    {
        // The system clock is read from a field that a background thread keeps current (see CoarseClock):
        // one memory read on the hit path. Only a custom TimeProvider (tests, simulations) pays for a virtual call.
        if (_isSystem)
        {
            return CoarseClock.NowMilliseconds;
        }

        long timestamp = _timeProvider.GetTimestamp();
        return (long)(timestamp * (1000.0 / _frequency));
    }

    internal static long ToMilliseconds(TimeSpan duration)
        => duration <= TimeSpan.Zero ? 0 : (long)Math.Min(duration.TotalMilliseconds, long.MaxValue / 4);
}
