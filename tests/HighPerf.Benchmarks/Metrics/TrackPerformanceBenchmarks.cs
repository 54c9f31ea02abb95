using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using HighPerf.Diagnostics;

namespace HighPerf.Benchmarks.Metrics;

/// <summary>
/// A [TrackPerformance] call against the same call timed by hand (histogram only, and the same three
/// instruments the generator records), and against the untracked call. A MeterListener is attached to
/// both meters, so every instrument is enabled as it would be under OpenTelemetry.
/// </summary>
[MemoryDiagnoser]
public class TrackPerformanceBenchmarks
{
    private const string Function = "HighPerf.Benchmarks.Metrics.PriceCalculator.Quote";
    private static readonly Meter HandMeter = new("HighPerf.Benchmarks.HandWritten");
    private static readonly Histogram<double> HandDuration = HandMeter.CreateHistogram<double>("hand.method.duration", "s");
    private static readonly Counter<long> HandCalls = HandMeter.CreateCounter<long>("hand.method.calls");
    private static readonly UpDownCounter<long> HandActive = HandMeter.CreateUpDownCounter<long>("hand.method.active");
    private static readonly KeyValuePair<string, object?> FunctionTag = new(HighPerfDiagnostics.FunctionTag, Function);

    private readonly PriceCalculator _calculator = new();
    private MeterListener? _listener;
    private double _sum;

    [GlobalSetup]
    public void AttachListener()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name is HighPerfDiagnostics.MeterName or "HighPerf.Benchmarks.HandWritten")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _sum += value);
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => _sum += value);
        _listener.Start();
    }

    [GlobalCleanup]
    public void DetachListener() => _listener?.Dispose();

    [Benchmark(Baseline = true)]
    public decimal Untracked() => _calculator.QuoteUntracked(0.1m);

    [Benchmark]
    public decimal HandWritten_HistogramOnly()
    {
        long start = Stopwatch.GetTimestamp();
        decimal result = _calculator.QuoteUntracked(0.1m);
        HandDuration.Record(
            Stopwatch.GetElapsedTime(start).TotalSeconds,
            FunctionTag,
            new KeyValuePair<string, object?>(HighPerfDiagnostics.OutcomeTag, HighPerfDiagnostics.OutcomeSuccess));
        return result;
    }

    [Benchmark]
    public decimal HandWritten_SameInstruments()
    {
        HandActive.Add(1, FunctionTag);
        long start = Stopwatch.GetTimestamp();
        decimal result = _calculator.QuoteUntracked(0.1m);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        HandActive.Add(-1, FunctionTag);
        var tags = new TagList { FunctionTag, { HighPerfDiagnostics.OutcomeTag, HighPerfDiagnostics.OutcomeSuccess } };
        HandDuration.Record(seconds, in tags);
        HandCalls.Add(1, in tags);
        return result;
    }

    [Benchmark]
    public decimal Tracked() => _calculator.Quote(0.1m);

    [Benchmark]
    public decimal TrackedValueTask_CompletedSynchronously() => _calculator.QuoteAsync(0.1m).Result;
}
