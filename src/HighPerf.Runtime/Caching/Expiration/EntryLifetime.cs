using System;

namespace HighPerf.Caching.Expiration;

/// <summary>Turns a method's expiration settings into the millisecond lifetimes of one new entry.</summary>
internal readonly struct EntryLifetime
{
    private readonly double _jitterFraction;
    private readonly double _eagerRefreshThreshold;

    internal EntryLifetime(TimeSpan slidingExpiration, double jitterFraction, double eagerRefreshThreshold)
    {
        if (jitterFraction is < 0 or > 1 || double.IsNaN(jitterFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(jitterFraction), jitterFraction, "JitterFraction must be within 0..1.");
        }

        if (eagerRefreshThreshold is < 0 or >= 1 || double.IsNaN(eagerRefreshThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(eagerRefreshThreshold), eagerRefreshThreshold, "EagerRefreshThreshold must be 0 (off) or within 0..1 (exclusive).");
        }

        SlidingMilliseconds = CacheClock.ToMilliseconds(slidingExpiration);
        _jitterFraction = jitterFraction;
        _eagerRefreshThreshold = eagerRefreshThreshold;
    }

    internal long SlidingMilliseconds { get; }

    /// <summary>
    /// The absolute lifetime of a new entry: <paramref name="duration"/> shortened by jitter (never lengthened, so the
    /// configured duration stays the upper bound of staleness), and capped while the backplane is down.
    /// </summary>
    internal long Compute(TimeSpan duration, CacheEnvironment environment)
    {
        long lifetime = CacheClock.ToMilliseconds(duration);
        if (_jitterFraction > 0)
        {
            lifetime -= (long)(lifetime * _jitterFraction * Random.Shared.NextDouble());
        }

        if (environment.BackplaneDown)
        {
            lifetime = Math.Min(lifetime, CacheClock.ToMilliseconds(environment.DisconnectedEntryDuration));
        }

        return Math.Max(1, lifetime);
    }

    /// <summary>After how long a hit starts the background refresh; long.MaxValue when eager refresh is off.</summary>
    internal long RefreshAfter(long lifetime)
        => _eagerRefreshThreshold > 0 ? Math.Max(1, (long)(lifetime * _eagerRefreshThreshold)) : long.MaxValue;
}
