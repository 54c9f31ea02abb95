using HighPerf.Caching;
using HighPerf.Runtime.Tests.Caching.Support;
using HighPerf.Runtime.Tests.Distributed.Support;
using HighPerf.Testing.Redis;
using Xunit;

namespace HighPerf.Runtime.Tests.Distributed;

/// <summary>CachedMethod over HybridCache over a real Redis: the envelope written by one node is read by another.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RedisCachedMethodTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static CachedMethod<ProductKey, Product> NewMethod() => new(new CachedMethodOptions<ProductKey>
    {
        MethodName = $"Tests.{nameof(RedisCachedMethodTests)}.{Guid.NewGuid():N}",
        Duration = TimeSpan.FromMinutes(5),
        FormatKey = static key => "redis-product:" + key.Id,
        FormatTags = static key => ["product:" + key.Id],
        JsonContext = TestJsonContext.Default,
    });

    [Fact]
    public async Task ValueWrittenByOneNode_IsServedByAnotherNodeFromRedis_WithItsPerResultTags()
    {
        await using var nodeA = new RedisL2Node(redis.Server.ConnectionString);
        await using var nodeB = new RedisL2Node(redis.Server.ConnectionString);
        var key = new ProductKey(Random.Shared.NextInt64(1, long.MaxValue));
        var product = new Product(key.Id, "Kettle", 19.90m);

        using (HighPerfCaching.Install(new CacheEnvironment { L2 = nodeA.L2 }))
        {
            await NewMethod().GetOrCreateAsync(key, product, static (product, _, _) =>
                new ValueTask<Cacheable<Product>>(Cacheable.Of(product).WithTags("brand:7")), default);
        }

        using (HighPerfCaching.Install(new CacheEnvironment { L2 = nodeB.L2 }))
        {
            var onB = NewMethod();
            var calls = new CountingFactory();
            Product read = await onB.GetOrCreateAsync(key, calls, static (calls, key, _) =>
            {
                calls.Next(key);
                return new ValueTask<Cacheable<Product>>(Cacheable.Of(new Product(key.Id, "computed", 0m)));
            }, default);

            Assert.Equal(product, read);
            Assert.Equal(0, calls.Calls);
            Assert.Equal(1, onB.Count);

            // What node B's backplane receiver does for a tag message: the per-result tag came with the payload.
            HighPerfCaching.RemoveLocalByTag("brand:7");
            Assert.Equal(0, onB.Count);
        }
    }

    [Fact]
    public async Task ClearAsync_RemovesTheMethodsEntriesFromRedis()
    {
        await using var node = new RedisL2Node(redis.Server.ConnectionString);
        using var installation = HighPerfCaching.Install(new CacheEnvironment { L2 = node.L2 });
        var method = NewMethod();
        var key = new ProductKey(Random.Shared.NextInt64(1, long.MaxValue));
        await method.GetOrCreateAsync(key, 0, static (_, key, _) =>
            new ValueTask<Cacheable<Product>>(Cacheable.Of(new Product(key.Id, "Pan", 3m))), default);
        Assert.NotNull(await node.L2.GetAsync("redis-product:" + key.Id, default));

        await method.ClearAsync();

        Assert.Null(await node.L2.GetAsync("redis-product:" + key.Id, default));
        Assert.Equal(0, method.Count);
    }
}
