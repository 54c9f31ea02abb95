namespace HighPerf.Generators;

/// <summary>Metadata names of the types the generator and analyzers look for.</summary>
internal static class KnownNames
{
    public const string TrackPerformanceAttribute = "HighPerf.TrackPerformanceAttribute";
    public const string CachedAttribute = "HighPerf.CachedAttribute";
    public const string InvalidatesCacheAttribute = "HighPerf.InvalidatesCacheAttribute";
    public const string NotCacheKeyAttribute = "HighPerf.NotCacheKeyAttribute";
    public const string CacheJsonContextAttribute = "HighPerf.CacheJsonContextAttribute";
    public const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";
    public const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";
    public const string PipelineStageAttribute = "HighPerf.PipelineStageAttribute";
    public const string CacheableOfT = "HighPerf.Caching.Cacheable`1";
    public const string CancellationToken = "System.Threading.CancellationToken";

    public const string ILogger = "Microsoft.Extensions.Logging.ILogger";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask`1";
    public const string IAsyncEnumerableOfT = "System.Collections.Generic.IAsyncEnumerable`1";

    /// <summary>The implementation method is <c>&lt;Name&gt;Core</c> unless an attribute says otherwise.</summary>
    public const string ImplementationSuffix = "Core";

    /// <summary>Stage attributes in pipeline order, outermost first. Later issues add [Prioritized], [Batched].</summary>
    public static readonly string[] StageAttributesOutermostFirst = [TrackPerformanceAttribute, CachedAttribute, InvalidatesCacheAttribute];
}
