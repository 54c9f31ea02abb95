using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using HighPerf.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HighPerf.Runtime;

/// <summary>
/// The per-method state of <c>[TrackPerformance]</c>: created once per method (a static field in
/// generated code), then used by every call through <see cref="Start"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MethodTelemetry
{
    private readonly KeyValuePair<string, object?> _functionTag;
    private readonly long _slowThresholdTicks;

    /// <param name="methodName">Fully qualified method name, the value of the <c>code.function.name</c> tag.</param>
    /// <param name="slowThresholdMilliseconds">Calls at least this slow are logged; 0 turns it off.</param>
    public MethodTelemetry(string methodName, int slowThresholdMilliseconds = 0)
    {
        MethodName = methodName ?? throw new ArgumentNullException(nameof(methodName));
        SlowThresholdMilliseconds = slowThresholdMilliseconds;
        _functionTag = new KeyValuePair<string, object?>(HighPerfDiagnostics.FunctionTag, methodName);
        _slowThresholdTicks = slowThresholdMilliseconds <= 0
            ? long.MaxValue
            : slowThresholdMilliseconds * Stopwatch.Frequency / 1000;
    }

    public string MethodName { get; }

    public int SlowThresholdMilliseconds { get; }

    /// <summary>Marks the start of one call. Complete the returned scope exactly once.</summary>
    public MethodCallScope Start()
    {
        bool countedActive = HighPerfMeter.MethodActive.Enabled;
        if (countedActive)
        {
            HighPerfMeter.MethodActive.Add(1, _functionTag);
        }

        return new MethodCallScope(this, Stopwatch.GetTimestamp(), countedActive);
    }

    internal void Complete(long startTimestamp, bool countedActive, string outcome, Exception? exception, ILogger? logger)
    {
        long elapsedTicks = Stopwatch.GetTimestamp() - startTimestamp;

        if (countedActive)
        {
            HighPerfMeter.MethodActive.Add(-1, _functionTag);
        }

        if (HighPerfMeter.MethodDuration.Enabled || HighPerfMeter.MethodCalls.Enabled)
        {
            // TagList keeps up to eight tags inline: recording allocates nothing.
            var tags = new TagList
            {
                _functionTag,
                { HighPerfDiagnostics.OutcomeTag, outcome },
            };
            if (exception is not null)
            {
                tags.Add(HighPerfDiagnostics.ErrorTypeTag, exception.GetType().FullName);
            }

            HighPerfMeter.MethodDuration.Record(elapsedTicks / (double)Stopwatch.Frequency, in tags);
            HighPerfMeter.MethodCalls.Add(1, in tags);
        }

        if (elapsedTicks >= _slowThresholdTicks && logger is not null)
        {
            SlowCallLog.SlowCall(logger, MethodName, elapsedTicks * 1000.0 / Stopwatch.Frequency, SlowThresholdMilliseconds, outcome);
        }
    }
}
