using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HighPerf.Diagnostics;

namespace Storefront.Reporting;

/// <summary>
/// Listens to the <c>HighPerf</c> meter in-process, the way an OpenTelemetry exporter would, and keeps what it hears
/// per method: the duration histogram, the call counter (by outcome) and the in-flight up-down counter.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, MethodStatistics> _methods = new(StringComparer.Ordinal);

    private MetricsCollector()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HighPerfDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.Start();
    }

    public static MetricsCollector Start() => new();

    /// <summary>The methods heard from so far, by name.</summary>
    public IReadOnlyList<MethodStatistics> Methods() =>
        _methods.Values.OrderBy(method => method.MethodName, StringComparer.Ordinal).ToArray();

    public void Dispose() => _listener.Dispose();

    private void OnDouble(Instrument instrument, double measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == HighPerfDiagnostics.MethodDuration)
        {
            MethodFor(tags).RecordDuration(measurement);
        }
    }

    private void OnLong(Instrument instrument, long measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (instrument.Name)
        {
            case HighPerfDiagnostics.MethodCalls:
                MethodFor(tags).CountCall(Tag(tags, HighPerfDiagnostics.OutcomeTag), Tag(tags, HighPerfDiagnostics.ErrorTypeTag));
                break;
            case HighPerfDiagnostics.MethodActive:
                MethodFor(tags).AddActive(measurement);
                break;
        }
    }

    private MethodStatistics MethodFor(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string name = Tag(tags, HighPerfDiagnostics.FunctionTag) ?? "(untagged)";
        return _methods.GetOrAdd(name, static key => new MethodStatistics(key));
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
