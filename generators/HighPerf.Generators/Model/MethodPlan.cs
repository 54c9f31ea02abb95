namespace HighPerf.Generators.Model;

/// <summary>
/// One generated method: its shape plus the stages present, in pipeline order
/// (<c>[TrackPerformance]</c>, then <c>[Cached]</c>, then <c>[InvalidatesCache]</c>, then the implementation;
/// later <c>[Prioritized]</c>, <c>[Batched]</c>). A null stage (an empty <see cref="Invalidations"/>) is absent.
/// </summary>
internal sealed record MethodPlan(
    MethodModel Method,
    TrackPerformanceModel? TrackPerformance,
    CachedModel? Cached,
    EquatableArray<InvalidationTargetModel> Invalidations);
