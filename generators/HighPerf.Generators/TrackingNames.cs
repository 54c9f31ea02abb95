namespace HighPerf.Generators;

/// <summary>Names of the incremental pipeline steps, so tests can check what was cached.</summary>
internal static class TrackingNames
{
    public const string TrackPerformancePlans = nameof(TrackPerformancePlans);
    public const string TrackPerformanceOutput = nameof(TrackPerformanceOutput);
    public const string CachedPlans = nameof(CachedPlans);
    public const string InvalidatesCachePlans = nameof(InvalidatesCachePlans);
    public const string AssemblyCacheJsonContext = nameof(AssemblyCacheJsonContext);
}
