using System.Diagnostics.Metrics;

namespace HighPerf.Diagnostics;

/// <summary>The meter and the instruments shared by every generated method. Created once per process.</summary>
internal static partial class HighPerfMeter
{
    internal static readonly Meter Meter = new(HighPerfDiagnostics.MeterName, typeof(HighPerfMeter).Assembly.GetName().Version?.ToString());

    // Method latencies span microseconds (an L1 hit) to seconds (a slow query): the default
    // OpenTelemetry buckets start at 5 ms, too coarse for the fast end.
    private static readonly double[] DurationBuckets =
        [0.00001, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    internal static readonly Histogram<double> MethodDuration = Meter.CreateHistogram(
        HighPerfDiagnostics.MethodDuration,
        unit: "s",
        description: "Duration of calls to methods marked [TrackPerformance].",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    internal static readonly Counter<long> MethodCalls = Meter.CreateCounter<long>(
        HighPerfDiagnostics.MethodCalls,
        unit: "{call}",
        description: "Completed calls to methods marked [TrackPerformance].");

    internal static readonly UpDownCounter<long> MethodActive = Meter.CreateUpDownCounter<long>(
        HighPerfDiagnostics.MethodActive,
        unit: "{call}",
        description: "Calls to methods marked [TrackPerformance] that are in flight.");
}
