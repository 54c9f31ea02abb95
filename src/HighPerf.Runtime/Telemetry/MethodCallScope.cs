using System;
using System.ComponentModel;
using HighPerf.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HighPerf.Runtime;

/// <summary>One call being measured. A struct so that measuring a call allocates nothing.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct MethodCallScope
{
    private readonly MethodTelemetry _telemetry;
    private readonly long _startTimestamp;
    private readonly bool _countedActive;

    internal MethodCallScope(MethodTelemetry telemetry, long startTimestamp, bool countedActive)
    {
        _telemetry = telemetry;
        _startTimestamp = startTimestamp;
        _countedActive = countedActive;
    }

    /// <summary>The call returned (or its task completed) normally.</summary>
    public void Succeeded(ILogger? logger = null) =>
        _telemetry.Complete(_startTimestamp, _countedActive, HighPerfDiagnostics.OutcomeSuccess, null, logger);

    /// <summary>
    /// The call threw. <see cref="OperationCanceledException"/> counts as canceled, anything else as an error
    /// tagged with its type. The caller rethrows the exception unchanged.
    /// </summary>
    public void Failed(Exception exception, ILogger? logger = null)
    {
        if (exception is OperationCanceledException)
        {
            _telemetry.Complete(_startTimestamp, _countedActive, HighPerfDiagnostics.OutcomeCanceled, null, logger);
        }
        else
        {
            _telemetry.Complete(_startTimestamp, _countedActive, HighPerfDiagnostics.OutcomeError, exception, logger);
        }
    }
}
