using HighPerf.Diagnostics;
using HighPerf.Generators.Tests.Infrastructure;
using HighPerf.Generators.Tests.TestClasses;
using Microsoft.Extensions.Logging;

namespace HighPerf.Generators.Tests.Runtime;

[Collection(MetricsCollection.Name)]
public sealed class TrackPerformanceBehaviourTests : IDisposable
{
    private const string Prefix = "HighPerf.Generators.Tests.TestClasses.TrackedCalls.";
    private readonly RecordingMeterListener _metrics = new();
    private readonly ListLogger _logger = new();
    private readonly TrackedCalls _calls;

    public TrackPerformanceBehaviourTests() => _calls = new TrackedCalls(_logger);

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public void SyncCall_RecordsDurationCountAndSuccess_AndRunsTheImplementationOnce()
    {
        Assert.Equal(5, _calls.Add(2, 3));

        Assert.Equal(1, _calls.CoreCalls);
        var measurements = _metrics.For(Prefix + "Add");
        Measurement duration = Assert.Single(measurements, m => m.Instrument == HighPerfDiagnostics.MethodDuration);
        Assert.Equal(HighPerfDiagnostics.OutcomeSuccess, duration.Outcome);
        Assert.True(duration.Value >= 0);
        Assert.False(duration.Tags.ContainsKey(HighPerfDiagnostics.ErrorTypeTag));
        Measurement calls = Assert.Single(measurements, m => m.Instrument == HighPerfDiagnostics.MethodCalls);
        Assert.Equal(1, calls.Value);
        Assert.Equal([1d, -1d], measurements.Where(m => m.Instrument == HighPerfDiagnostics.MethodActive).Select(m => m.Value));
    }

    [Fact]
    public void VoidCall_IsMeasured()
    {
        _calls.Touch();

        Assert.Equal(1, _calls.CoreCalls);
        Assert.Single(_metrics.For(Prefix + "Touch"), m => m.Instrument == HighPerfDiagnostics.MethodDuration && m.Outcome == "success");
    }

    [Fact]
    public void SyncException_IsRecordedAsErrorWithType_AndRethrownUnchanged()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => _calls.Fail("boom"));

        Assert.Equal("boom", exception.Message);
        Assert.Contains("FailCore", exception.StackTrace);
        Measurement duration = Assert.Single(_metrics.For(Prefix + "Fail"), m => m.Instrument == HighPerfDiagnostics.MethodDuration);
        Assert.Equal(HighPerfDiagnostics.OutcomeError, duration.Outcome);
        Assert.Equal("System.InvalidOperationException", duration.Tags[HighPerfDiagnostics.ErrorTypeTag]);
    }

    [Fact]
    public async Task AsyncException_IsRecordedAsError_AndKeepsTheOriginalStackTrace()
    {
        var exception = await Assert.ThrowsAsync<TimeoutException>(async () => await _calls.FailLaterAsync("late"));

        Assert.Equal("late", exception.Message);
        Assert.Contains("FailLaterAsyncCore", exception.StackTrace);
        Measurement duration = Assert.Single(_metrics.For(Prefix + "FailLaterAsync"), m => m.Instrument == HighPerfDiagnostics.MethodDuration);
        Assert.Equal("System.TimeoutException", duration.Tags[HighPerfDiagnostics.ErrorTypeTag]);
    }

    [Fact]
    public async Task Cancellation_IsItsOwnOutcome_WithoutErrorType()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _calls.FlushAsync(cancellation.Token));

        Measurement duration = Assert.Single(_metrics.For(Prefix + "FlushAsync"), m => m.Instrument == HighPerfDiagnostics.MethodDuration);
        Assert.Equal(HighPerfDiagnostics.OutcomeCanceled, duration.Outcome);
        Assert.False(duration.Tags.ContainsKey(HighPerfDiagnostics.ErrorTypeTag));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TaskOfT_IsMeasuredWhenItCompletes_SyncOrAsync(bool yield)
    {
        Assert.Equal("hi", await _calls.EchoTaskAsync("hi", yield));
        Assert.Equal(84, await _calls.DoubleAsync(42, yield));
        await _calls.PauseAsync(1);

        foreach (string method in new[] { "EchoTaskAsync", "DoubleAsync", "PauseAsync" })
        {
            var measurements = _metrics.For(Prefix + method);
            Assert.Single(measurements, m => m.Instrument == HighPerfDiagnostics.MethodDuration && m.Outcome == "success");
            Assert.Equal(0, measurements.Where(m => m.Instrument == HighPerfDiagnostics.MethodActive).Sum(m => m.Value));
        }
    }

    [Fact]
    public async Task SlowCall_IsLoggedAsWarningThroughTheTypesLogger()
    {
        Assert.Equal(60, await _calls.SlowAsync(60));

        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("SlowCall", entry.EventId.Name);
        Assert.Contains(Prefix + "SlowAsync", entry.Message);
        Assert.Contains("20 ms threshold", entry.Message);
    }

    [Fact]
    public void SlowCall_OfATypeWhoseLoggersAreInherited_IsLoggedThroughTheBaseClassLoggers()
    {
        var shared = new ListLogger();
        var calls = new InheritedLoggerCalls(_logger, shared);

        Assert.Equal(30, calls.Sleep(30));
        Assert.Equal(30, InheritedLoggerCalls.SleepStatic(30));

        Assert.Contains("InheritedLoggerCalls.Sleep", Assert.Single(_logger.Entries).Message);
        Assert.Contains("InheritedLoggerCalls.SleepStatic", Assert.Single(shared.Entries).Message);
    }

    [Fact]
    public async Task SlowCall_WithWarningsOff_FormatsNothing()
    {
        var quiet = new ListLogger(LogLevel.Error);
        var calls = new TrackedCalls(quiet);

        await calls.SlowAsync(40);

        Assert.Empty(quiet.Entries);
        Assert.Equal(0, quiet.FormatCalls);
    }

    [Fact]
    public void ImplementationProperty_NamesTheMethodThatHoldsTheBody()
    {
        Assert.Equal(81, TrackedCalls.Square(9));
        Assert.Single(_metrics.For(Prefix + "Square"), m => m.Instrument == HighPerfDiagnostics.MethodDuration);
    }
}
