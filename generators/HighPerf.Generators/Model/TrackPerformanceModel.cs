namespace HighPerf.Generators.Model;

/// <summary>The <c>[TrackPerformance]</c> stage of one method.</summary>
/// <param name="SlowThresholdMilliseconds">0 when slow-call logging is off.</param>
/// <param name="LoggerExpression">How generated code reaches the type's ILogger, or null when it has none.</param>
internal sealed record TrackPerformanceModel(int SlowThresholdMilliseconds, string? LoggerExpression);
