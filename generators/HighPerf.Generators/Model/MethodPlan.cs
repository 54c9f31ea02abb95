namespace HighPerf.Generators.Model;

/// <summary>
/// One generated method: its shape plus the stages present, in pipeline order
/// (<c>[TrackPerformance]</c>, then <c>[Cached]</c>, <c>[Prioritized]</c>, <c>[Batched]</c>, then the implementation).
/// A null stage is absent. Later stages are added here as they are built.
/// </summary>
internal sealed record MethodPlan(MethodModel Method, TrackPerformanceModel? TrackPerformance);
