using HighPerf;
using HighPerf.Caching;

namespace HighPerf.Generators.Tests.TestClasses;

public sealed record Product(long Id, string Name);

/// <summary>
/// A [Cached] service compiled with the generator. Each instance counts its own implementation calls; the caches
/// are per method and process-wide, so tests use keys no other test uses (<see cref="NextKey"/>).
/// </summary>
public sealed partial class CachedCatalog
{
    private static long s_nextKey = 1_000;
    private int _calls;

    public static long NextKey() => Interlocked.Increment(ref s_nextKey);

    public int Calls => Volatile.Read(ref _calls);

    public string Tenant { get; set; } = "north";

    public string? LastRequestId { get; private set; }

    /// <summary>Calls whose key is in here throw.</summary>
    public HashSet<long> Failing { get; } = [];

    [Cached(DurationSeconds = 300, Tags = ["product:{id}", "catalog"])]
    public partial ValueTask<Product?> GetProductAsync(long id, CancellationToken ct = default);

    private ValueTask<Product?> GetProductAsyncCore(long id, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        return Failing.Contains(id)
            ? ValueTask.FromException<Product?>(new InvalidOperationException("product store down"))
            : new ValueTask<Product?>(new Product(id, "product " + id));
    }

    [Cached]
    public partial Task<int> GetStockAsync(long id);

    private async Task<int> GetStockAsyncCore(long id)
    {
        Interlocked.Increment(ref _calls);
        await Task.Yield();
        return (int)id * 10;
    }

    [Cached]
    public partial long Square(long value, [NotCacheKey] string requestId);

    private long SquareCore(long value, string requestId)
    {
        Interlocked.Increment(ref _calls);
        LastRequestId = requestId;
        if (Failing.Contains(value))
        {
            throw new InvalidOperationException("cannot square " + value);
        }

        return value * value;
    }

    /// <summary>Per-result control: 0 is never cached, anything else for an hour.</summary>
    [Cached]
    public partial ValueTask<string> DescribeAsync(long id);

    private ValueTask<Cacheable<string>> DescribeAsyncCore(long id)
    {
        Interlocked.Increment(ref _calls);
        return new ValueTask<Cacheable<string>>(id % 2 == 0
            ? Cacheable.NotCached("even " + id)
            : Cacheable.For("odd " + id, TimeSpan.FromHours(1)));
    }

    [Cached(KeyMembers = [nameof(Tenant)])]
    public partial string Greet(long id);

    private string GreetCore(long id)
    {
        Interlocked.Increment(ref _calls);
        return Tenant + " " + id;
    }

    [InvalidatesCache(nameof(GetProductAsync))]
    public partial Task RenameAsync(long id, string name, CancellationToken ct = default);

    private async Task RenameAsyncCore(long id, string name, CancellationToken ct)
    {
        await Task.Yield();
        if (name.Length == 0)
        {
            throw new ArgumentException("A product needs a name.", nameof(name));
        }
    }

    [InvalidatesCache(nameof(Greet))]
    [InvalidatesCache(nameof(Square))]
    public partial void Reset(long id, long value);

    private void ResetCore(long id, long value)
    {
    }

    [TrackPerformance]
    [Cached(Distributed = false)]
    public partial ValueTask<long> TrackedTwiceAsync(long id);

    private ValueTask<long> TrackedTwiceAsyncCore(long id)
    {
        Interlocked.Increment(ref _calls);
        return new ValueTask<long>(id * 2);
    }

    [Cached(CacheNull = false)]
    public partial ValueTask<Product?> FindMissingAsync(long id);

    private ValueTask<Product?> FindMissingAsyncCore(long id)
    {
        Interlocked.Increment(ref _calls);
        return new ValueTask<Product?>((Product?)null);
    }

    [Cached(NegativeCacheSeconds = 60)]
    public partial long Risky(long value);

    private long RiskyCore(long value)
    {
        Interlocked.Increment(ref _calls);
        throw new InvalidOperationException("risky " + value);
    }

    [Cached]
    public static partial string Label(long id);

    private static string LabelCore(long id) => "label " + id + " " + Guid.NewGuid();
}
