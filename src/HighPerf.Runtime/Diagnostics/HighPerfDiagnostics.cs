namespace HighPerf.Diagnostics;

/// <summary>
/// The public names of everything HighPerf.Generators reports: the meter, its instruments, tags and values.
/// Point your OpenTelemetry <c>AddMeter</c> (or a <c>MeterListener</c>) at <see cref="MeterName"/>.
/// </summary>
/// <remarks>
/// Checklist when adding an instrument: add its name here, create it in <c>HighPerfMeter</c>,
/// describe it in docs/metrics.md, and cover it in the runtime tests.
/// </remarks>
public static partial class HighPerfDiagnostics
{
    /// <summary>The one meter every generated stage reports through.</summary>
    public const string MeterName = "HighPerf";

    /// <summary>Histogram, seconds: how long each call of a tracked method took.</summary>
    public const string MethodDuration = "highperf.method.duration";

    /// <summary>Counter: completed calls of a tracked method.</summary>
    public const string MethodCalls = "highperf.method.calls";

    /// <summary>Up-down counter: calls of a tracked method in flight right now.</summary>
    public const string MethodActive = "highperf.method.active";

    /// <summary>Tag: the fully qualified method name, e.g. <c>Shop.OrderService.GetOrderAsync</c>.</summary>
    public const string FunctionTag = "code.function.name";

    /// <summary>Tag: <see cref="OutcomeSuccess"/>, <see cref="OutcomeError"/> or <see cref="OutcomeCanceled"/>.</summary>
    public const string OutcomeTag = "highperf.outcome";

    /// <summary>Tag present on errors only: the exception's full type name.</summary>
    public const string ErrorTypeTag = "error.type";

    public const string OutcomeSuccess = "success";
    public const string OutcomeError = "error";
    public const string OutcomeCanceled = "canceled";
}
