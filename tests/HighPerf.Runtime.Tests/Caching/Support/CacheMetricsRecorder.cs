using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HighPerf.Diagnostics;

namespace HighPerf.Runtime.Tests.Caching.Support;

/// <summary>Collects every HighPerf measurement (instrument, value, tags) while alive.</summary>
public sealed class CacheMetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public CacheMetricsRecorder()
    {
        _listener.InstrumentPublished = static (instrument, listener) =>
        {
            if (instrument.Meter.Name == HighPerfDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.Start();
    }

    public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    /// <summary>Sum of an instrument's values whose function tag is <paramref name="methodName"/> and that carry the given tag.</summary>
    public double Sum(string instrument, string? methodName, string? tagName = null, string? tagValue = null)
        => Measurements
            .Where(m => m.Instrument == instrument)
            .Where(m => methodName is null || Equals(m.Tags.GetValueOrDefault(HighPerfDiagnostics.FunctionTag), methodName))
            .Where(m => tagName is null || Equals(m.Tags.GetValueOrDefault(tagName), tagValue))
            .Sum(m => m.Value);

    public void CollectObservables() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Record(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        Measurements.Enqueue((instrument, value, copy));
    }
}
