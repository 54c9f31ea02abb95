using HighPerf;

namespace HighPerf.Benchmarks.Caching;

/// <summary>
/// The benchmarked lookup written as a user writes it: <c>[Cached]</c> partial methods whose bodies the generator
/// emits, so the hit rows measure exactly what an application call costs (key struct, state struct, the generated
/// body and <c>CachedMethod</c>). Same duration and value as the other caches under comparison.
/// </summary>
public sealed partial class CachedProductService
{
    [Cached(DurationSeconds = 300)]
    public partial ValueTask<string> GetProductAsync(long id, CancellationToken ct = default);

    [Cached(DurationSeconds = 300)]
    public partial Task<string> GetProductTaskAsync(long id, CancellationToken ct = default);

    [Cached(DurationSeconds = 300)]
    public partial string GetProduct(long id);

    private ValueTask<string> GetProductAsyncCore(long id, CancellationToken ct) => new("product-" + id);

    private Task<string> GetProductTaskAsyncCore(long id, CancellationToken ct) => Task.FromResult("product-" + id);

    private string GetProductCore(long id) => "product-" + id;
}
