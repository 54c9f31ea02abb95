namespace HighPerf.Generators.Emit;

/// <summary>Fully qualified names used in generated code, so user usings and type names can never clash.</summary>
internal static class Names
{
    public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCodeAttribute";
    public const string Exception = "global::System.Exception";
    public const string ILogger = "global::Microsoft.Extensions.Logging.ILogger";
    public const string MethodTelemetry = "global::HighPerf.Runtime.MethodTelemetry";
    public const string MethodCallScope = "global::HighPerf.Runtime.MethodCallScope";
    public const string AsyncMethodBuilder = "global::System.Runtime.CompilerServices.AsyncMethodBuilderAttribute";
    public const string PoolingValueTaskBuilder = "global::System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder";

    public const string CachedMethod = "global::HighPerf.Caching.CachedMethod";
    public const string CachedMethodOptions = "global::HighPerf.Caching.CachedMethodOptions";
    public const string Cacheable = "global::HighPerf.Caching.Cacheable";
    public const string CacheableTask = "global::HighPerf.Caching.CacheableTask";
    public const string CacheKeyText = "global::HighPerf.Caching.CacheKeyText";
    public const string SyncInvalidation = "global::HighPerf.Caching.SyncInvalidation";
    public const string TimeSpan = "global::System.TimeSpan";
    public const string String = "global::System.String";
    public const string InvariantCulture = "global::System.Globalization.CultureInfo.InvariantCulture";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string EditorBrowsableNever =
        "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static readonly string GeneratorVersion =
        typeof(Names).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly string GeneratedCode =
        $"[{GeneratedCodeAttribute}(\"HighPerf.Generators\", \"{GeneratorVersion}\")]";
}
