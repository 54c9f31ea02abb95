using HighPerf.Caching.Distributed;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Distributed;

public sealed class CircuitBreakerTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void NewBreaker_LetsEveryCallThrough()
    {
        var breaker = new CircuitBreaker(TimeSpan.FromSeconds(5), _clock);

        Assert.True(breaker.TryEnter());
        Assert.True(breaker.TryEnter());
        Assert.False(breaker.IsOpen);
    }

    [Fact]
    public void FirstFailure_OpensIt_AndCallsAreRefusedUntilTheBreakEnds()
    {
        var breaker = new CircuitBreaker(TimeSpan.FromSeconds(5), _clock);

        Assert.True(breaker.RecordFailure());
        _clock.Advance(TimeSpan.FromSeconds(4.9));

        Assert.True(breaker.IsOpen);
        Assert.False(breaker.TryEnter());
    }

    [Fact]
    public void AfterTheBreak_ExactlyOneProbeIsLetThrough()
    {
        var breaker = new CircuitBreaker(TimeSpan.FromSeconds(5), _clock);
        breaker.RecordFailure();
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(breaker.TryEnter());
        Assert.False(breaker.TryEnter());
    }

    [Fact]
    public void ProbeSucceeds_ClosesIt()
    {
        var breaker = new CircuitBreaker(TimeSpan.FromSeconds(5), _clock);
        breaker.RecordFailure();
        _clock.Advance(TimeSpan.FromSeconds(5));
        breaker.TryEnter();

        Assert.True(breaker.RecordSuccess());
        Assert.False(breaker.IsOpen);
        Assert.True(breaker.TryEnter());
        Assert.False(breaker.RecordSuccess(), "closing a closed breaker reports nothing");
    }

    [Fact]
    public void ProbeFails_OpensItForAnotherFullBreak_WithoutCountingANewOpening()
    {
        var breaker = new CircuitBreaker(TimeSpan.FromSeconds(5), _clock);
        breaker.RecordFailure();
        _clock.Advance(TimeSpan.FromSeconds(5));
        breaker.TryEnter();

        Assert.False(breaker.RecordFailure());
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(breaker.TryEnter());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(breaker.TryEnter());
    }

    [Fact]
    public void ProbeAbandonedByItsCaller_LetsTheNextCallerProbe()
    {
        var breaker = new CircuitBreaker(TimeSpan.FromSeconds(5), _clock);
        breaker.RecordFailure();
        _clock.Advance(TimeSpan.FromSeconds(5));
        breaker.TryEnter();

        breaker.RecordAbandoned();

        Assert.True(breaker.TryEnter());
        Assert.True(breaker.IsOpen);
    }

    [Fact]
    public void CallAbandonedWhileClosed_LeavesItClosed()
    {
        var breaker = new CircuitBreaker(TimeSpan.FromSeconds(5), _clock);

        breaker.RecordAbandoned();

        Assert.False(breaker.IsOpen);
    }

    [Fact]
    public void ZeroBreakDuration_NeverOpens()
    {
        var breaker = new CircuitBreaker(TimeSpan.Zero, _clock);

        Assert.False(breaker.RecordFailure());
        Assert.True(breaker.TryEnter());
    }

    [Fact]
    public void NegativeBreakDuration_IsRejected()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new CircuitBreaker(TimeSpan.FromSeconds(-1), _clock));
}
