using System;
using System.Threading;

namespace HighPerf.Caching.Distributed;

/// <summary>
/// A lock-free breaker for one backend: the first failure opens it for <see cref="BreakDuration"/>; after that one
/// caller is let through as a probe, and its success closes the breaker again. Callers refused while it is open
/// skip the backend entirely, so a dead server costs nothing per call instead of a connect timeout per call.
/// </summary>
internal sealed class CircuitBreaker
{
    private const int Closed = 0;
    private const int Open = 1;
    private const int Probing = 2;

    private readonly TimeProvider _timeProvider;
    private int _state;
    private long _openUntilTimestamp;

    public CircuitBreaker(TimeSpan breakDuration, TimeProvider timeProvider)
    {
        if (breakDuration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(breakDuration), breakDuration, "The break duration cannot be negative.");
        }

        BreakDuration = breakDuration;
        _timeProvider = timeProvider;
    }

    /// <summary>How long the backend is left alone after a failure. Zero turns the breaker off.</summary>
    public TimeSpan BreakDuration { get; }

    public bool IsOpen => Volatile.Read(ref _state) != Closed;

    /// <summary>True when the caller may use the backend: the breaker is closed, or this caller is the probe.</summary>
    public bool TryEnter()
    {
        var state = Volatile.Read(ref _state);
        if (state == Closed)
        {
            return true;
        }

        if (state == Open && _timeProvider.GetTimestamp() >= Volatile.Read(ref _openUntilTimestamp))
        {
            // Exactly one caller wins the transition and probes; the others keep skipping until it reports back.
            return Interlocked.CompareExchange(ref _state, Probing, Open) == Open;
        }

        return false;
    }

    /// <summary>Reports a successful call; returns true when this closed an open breaker (the backend is back).</summary>
    public bool RecordSuccess()
        => Volatile.Read(ref _state) != Closed && Interlocked.Exchange(ref _state, Closed) != Closed;

    /// <summary>
    /// Reports a call that ended without telling anything about the backend (the caller cancelled it): if it was
    /// the probe, the next caller probes instead, so the breaker cannot stay half-open forever.
    /// </summary>
    public void RecordAbandoned() => Interlocked.CompareExchange(ref _state, Open, Probing);

    /// <summary>Reports a failed call; returns true when this opened a closed breaker.</summary>
    public bool RecordFailure()
    {
        if (BreakDuration == TimeSpan.Zero)
        {
            return false;
        }

        var until = _timeProvider.GetTimestamp() + (long)(BreakDuration.TotalSeconds * _timeProvider.TimestampFrequency);
        Volatile.Write(ref _openUntilTimestamp, until);
        return Interlocked.Exchange(ref _state, Open) == Closed;
    }
}
