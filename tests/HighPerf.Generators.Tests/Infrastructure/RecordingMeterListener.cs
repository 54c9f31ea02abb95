using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HighPerf.Diagnostics;

namespace HighPerf.Generators.Tests.Infrastructure;

/// <summary>One measurement seen on the HighPerf meter, with its tags flattened to strings.</summary>
internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)
{
    public string? Function => Tags.GetValueOrDefault(HighPerfDiagnostics.FunctionTag);

    public string? Outcome => Tags.GetValueOrDefault(HighPerfDiagnostics.OutcomeTag);
}

/// <summary>Records every measurement of the HighPerf meter while it is alive (allocates: behaviour tests only).</summary>
internal sealed class RecordingMeterListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public RecordingMeterListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HighPerfDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Measurements of one method (other tests may run tracked methods at the same time).</summary>
    public IReadOnlyList<Measurement> For(string function) =>
        _measurements.Where(m => m.Function == function).ToList();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }
}

/// <summary>Counts HighPerf measurements without allocating, for allocation tests.</summary>
internal sealed class CountingMeterListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public CountingMeterListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HighPerfDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _count));
        _listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _count));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
