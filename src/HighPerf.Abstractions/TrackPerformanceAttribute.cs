using System;

namespace HighPerf;

/// <summary>
/// Measures every call of the annotated partial method: a duration histogram, a call counter and an
/// in-flight counter on the <c>HighPerf</c> meter, tagged with the method and the outcome.
/// </summary>
/// <example>
/// <code>
/// [TrackPerformance(SlowThresholdMilliseconds = 250)]
/// public partial ValueTask&lt;Order?&gt; GetOrderAsync(long id, CancellationToken ct = default);
///
/// private async ValueTask&lt;Order?&gt; GetOrderAsyncCore(long id, CancellationToken ct) { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TrackPerformanceAttribute : PipelineStageAttribute
{
    /// <summary>
    /// Calls slower than this are logged as a warning through the containing type's <c>ILogger</c>
    /// (a field, property or primary-constructor parameter). <c>0</c>, the default, turns slow-call logging off.
    /// </summary>
    public int SlowThresholdMilliseconds { get; set; }
}
