using BitFaster.Caching.Lru;
using HighPerf.Caching;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using ZiggyCreatures.Caching.Fusion;

namespace HighPerf.Benchmarks.Caching;

/// <summary>The key struct the generator emits for <c>GetProductAsync(long id)</c>.</summary>
public readonly record struct ProductKey(long Id);

/// <summary>
/// The same cached lookup (<c>GetProduct(id)</c> returning a string) through each cache under comparison, built once.
/// The string-keyed caches format their key on every call, as hand-written code has to. <see cref="Service"/> is the
/// generated <c>[Cached]</c> code a user calls; <see cref="HighPerf"/> is the runtime type it calls, used directly
/// by the miss benchmark (which needs <c>RemoveLocal</c>).
/// </summary>
public sealed class CacheBenchmarkSubjects : IDisposable
{
    public const string Value = "product-42";

    private readonly ServiceProvider _services;

    public CacheBenchmarkSubjects()
    {
        HighPerf = new CachedMethod<ProductKey, string>(new CachedMethodOptions<ProductKey>
        {
            MethodName = "Benchmarks.ProductService.GetProduct",
            Duration = TimeSpan.FromMinutes(5),
        });
        _services = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider();
        Hybrid = _services.GetRequiredService<HybridCache>();
        Memory = new MemoryCache(new MemoryCacheOptions());
        Fusion = new FusionCache(new FusionCacheOptions());
        BitFaster = new ConcurrentLru<long, string>(10_000);
        Service = new CachedProductService();
    }

    public CachedProductService Service { get; }

    public CachedMethod<ProductKey, string> HighPerf { get; }

    public HybridCache Hybrid { get; }

    public IMemoryCache Memory { get; }

    public FusionCache Fusion { get; }

    public ConcurrentLru<long, string> BitFaster { get; }

    public static readonly Func<long, ProductKey, CancellationToken, ValueTask<Cacheable<string>>> HighPerfFactory =
        static (_, key, _) => new ValueTask<Cacheable<string>>(Cacheable.Of("product-" + key.Id));

    public static readonly Func<long, CancellationToken, ValueTask<string>> HybridFactory =
        static (id, _) => new ValueTask<string>("product-" + id);

    public static readonly Func<long, string> BitFasterFactory = static id => "product-" + id;

    public static string FormatKey(long id) => "product:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Result(ValueTask<string> pending)
        => pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    public string GetHighPerf(long id)
        => Result(HighPerf.GetOrCreateAsync(new ProductKey(id), id, HighPerfFactory, CancellationToken.None));

    /// <summary>What <c>await</c> does with an already completed ValueTask: check completion, take the result.</summary>
    public string GetCachedValueTask(long id) => Result(Service.GetProductAsync(id));

    public string GetCachedTask(long id) => Service.GetProductTaskAsync(id).GetAwaiter().GetResult();

    public string GetCachedSync(long id) => Service.GetProduct(id);

    public string GetHybrid(long id) => Result(Hybrid.GetOrCreateAsync(FormatKey(id), id, HybridFactory));

    public string GetMemory(long id)
    {
        string key = FormatKey(id);
        if (Memory.TryGetValue(key, out string? value))
        {
            return value!;
        }

        return Memory.Set(key, "product-" + id, TimeSpan.FromMinutes(5));
    }

    public string GetFusion(long id) => Fusion.GetOrSet<string>(FormatKey(id), _ => "product-" + id, TimeSpan.FromMinutes(5))!;

    public string GetBitFaster(long id) => BitFaster.GetOrAdd(id, BitFasterFactory);

    public void Dispose()
    {
        Memory.Dispose();
        Fusion.Dispose();
        _services.Dispose();
    }
}
