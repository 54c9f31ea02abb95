using Xunit;
using HighPerf.Caching;

namespace HighPerf.Runtime.Tests.Caching.Support;

/// <summary>A factory that counts its calls and computes <c>"value-{id}-{call}"</c>, so a recomputation is visible.</summary>
public sealed class CountingFactory
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public static string Expected(long id, int call) => $"value-{id}-{call}";

    public static readonly Func<CountingFactory, ProductKey, CancellationToken, ValueTask<Cacheable<string>>> Async =
        static (factory, key, _) => new ValueTask<Cacheable<string>>(Cacheable.Of(factory.Next(key)));

    public static readonly Func<CountingFactory, ProductKey, Cacheable<string>> Sync =
        static (factory, key) => Cacheable.Of(factory.Next(key));

    public string Next(ProductKey key) => Expected(key.Id, Interlocked.Increment(ref _calls));
}
