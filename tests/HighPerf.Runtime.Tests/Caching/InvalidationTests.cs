using HighPerf.Caching;
using HighPerf.Caching.Distributed;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

/// <summary>Tag removal, the backplane receive path, and the short TTL while the backplane is down.</summary>
[Collection(CachingCollection.Name)]
public sealed class InvalidationTests
{
    private static CachedMethod<ProductKey, string> NewMethod(string tagPrefix) => new(new CachedMethodOptions<ProductKey>
    {
        MethodName = CacheTestScope.UniqueMethodName(nameof(InvalidationTests)),
        Duration = TimeSpan.FromMinutes(5),
        // Distinct per method, as generated keys are (they start with the method name): two methods sharing L2 keys
        // would fill each other's L1 from L2, tags included.
        FormatKey = key => tagPrefix + key.Id,
        FormatTags = key => [tagPrefix + key.Id, "catalog"],
    });

    private static async Task FillAsync(CachedMethod<ProductKey, string> method, CountingFactory factory, params long[] ids)
    {
        foreach (long id in ids)
        {
            await method.GetOrCreateAsync(new ProductKey(id), factory, CountingFactory.Async, default);
        }
    }

    [Fact]
    public async Task RemoveByTagAsync_RemovesTaggedEntriesOfEveryMethod_L2_AndPublishes()
    {
        var l2 = new InMemoryCacheL2();
        var backplane = new InMemoryBackplane();
        using var scope = new CacheTestScope(l2, backplane);
        var products = NewMethod("product:");
        var prices = NewMethod("price:");
        var factory = new CountingFactory();
        await FillAsync(products, factory, 1, 2);
        await FillAsync(prices, factory, 1, 2);

        await HighPerfCaching.RemoveByTagAsync("product:1");
        Assert.Equal(1, products.Count);
        Assert.Equal(2, prices.Count);

        await HighPerfCaching.RemoveByTagAsync("catalog");
        Assert.Equal(0, products.Count);
        Assert.Equal(0, prices.Count);

        Assert.Equal(["product:1", "catalog"], l2.RemovedTags.ToArray());
        Assert.All(backplane.Published, m => Assert.Equal(CacheInvalidationKind.Tag, m.Kind));
        Assert.Equal(["product:1", "catalog"], backplane.Published.Select(m => m.Tag!).ToArray());
    }

    [Fact]
    public async Task KeyMessageFromOtherNode_RemovesOnlyThatLocalEntry_AndIsCounted()
    {
        var backplane = new InMemoryBackplane();
        using var scope = new CacheTestScope(backplane: backplane);
        using var metrics = new CacheMetricsRecorder();
        var method = NewMethod("product:");
        var factory = new CountingFactory();
        await FillAsync(method, factory, 1, 2);

        await backplane.DeliverFromOtherNodeAsync(CacheInvalidationKind.Key, method.MethodName, key: "product:1");

        Assert.Equal(1, method.Count);
        Assert.Equal(CountingFactory.Expected(1, 3), await method.GetOrCreateAsync(new ProductKey(1), factory, CountingFactory.Async, default));
        Assert.Equal(CountingFactory.Expected(2, 2), await method.GetOrCreateAsync(new ProductKey(2), factory, CountingFactory.Async, default));
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheBackplaneMessages, null, HighPerfDiagnostics.CacheDirectionTag, HighPerfDiagnostics.CacheDirectionReceived));
        Assert.Single(metrics.Measurements, m => m.Instrument == HighPerfDiagnostics.CacheBackplaneLag);
    }

    [Fact]
    public async Task TagAndMethodMessagesFromOtherNode_RemoveLocalEntries()
    {
        var backplane = new InMemoryBackplane();
        using var scope = new CacheTestScope(backplane: backplane);
        var products = NewMethod("product:");
        var prices = NewMethod("price:");
        var factory = new CountingFactory();
        await FillAsync(products, factory, 1, 2, 3);
        await FillAsync(prices, factory, 1, 2);

        await backplane.DeliverFromOtherNodeAsync(CacheInvalidationKind.Tag, string.Empty, tag: "product:2");
        Assert.Equal(2, products.Count);

        await backplane.DeliverFromOtherNodeAsync(CacheInvalidationKind.Method, prices.MethodName);
        Assert.Equal(0, prices.Count);
        Assert.Equal(2, products.Count);
    }

    [Fact]
    public async Task MessageCarryingOwnNodeId_IsIgnored()
    {
        var backplane = new InMemoryBackplane();
        using var scope = new CacheTestScope(backplane: backplane);
        var method = NewMethod("product:");
        await FillAsync(method, new CountingFactory(), 1);

        await backplane.DeliverAsync(new CacheInvalidation(CacheInvalidationKind.Key, method.MethodName, "product:1", null,
            scope.Environment.NodeId, 0));

        Assert.Equal(1, method.Count);
    }

    [Fact]
    public async Task MessageForUnknownMethod_IsIgnoredWithoutError()
    {
        var backplane = new InMemoryBackplane();
        using var scope = new CacheTestScope(backplane: backplane);
        var method = NewMethod("product:");
        await FillAsync(method, new CountingFactory(), 1);

        await backplane.DeliverFromOtherNodeAsync(CacheInvalidationKind.Key, "No.Such.Method", key: "product:1");
        await backplane.DeliverFromOtherNodeAsync(CacheInvalidationKind.Key, method.MethodName, key: "product:999");

        Assert.Equal(1, method.Count);
    }

    [Fact]
    public async Task BackplaneDisconnected_NewEntriesLiveOnlyDisconnectedEntryDuration()
    {
        var backplane = new InMemoryBackplane { IsConnected = false };
        using var scope = new CacheTestScope(backplane: backplane);
        var method = NewMethod("product:");
        var factory = new CountingFactory();
        await FillAsync(method, factory, 1);

        scope.Clock.Advance(TimeSpan.FromSeconds(4.9));
        await FillAsync(method, factory, 1);
        Assert.Equal(1, factory.Calls);

        scope.Clock.Advance(TimeSpan.FromSeconds(0.1));
        backplane.IsConnected = true;
        await FillAsync(method, factory, 1);
        Assert.Equal(2, factory.Calls);

        scope.Clock.Advance(TimeSpan.FromMinutes(1));
        await FillAsync(method, factory, 1);
        Assert.Equal(2, factory.Calls);
    }

    [Fact]
    public async Task OnBackplaneDisconnected_CapsLifetimeOfExistingEntries()
    {
        var backplane = new InMemoryBackplane();
        using var scope = new CacheTestScope(backplane: backplane);
        var method = NewMethod("product:");
        var factory = new CountingFactory();
        await FillAsync(method, factory, 1);

        backplane.IsConnected = false;
        HighPerfCaching.OnBackplaneDisconnected();
        scope.Clock.Advance(TimeSpan.FromSeconds(5));
        backplane.IsConnected = true;
        await FillAsync(method, factory, 1);

        Assert.Equal(2, factory.Calls);
    }

    [Fact]
    public void DisposingInstallation_Unsubscribes_AndRestoresDefaultEnvironment()
    {
        var backplane = new InMemoryBackplane();
        var scope = new CacheTestScope(backplane: backplane);
        Assert.True(backplane.HasSubscriber);
        Assert.Same(scope.Environment, HighPerfCaching.Current);

        scope.Dispose();

        Assert.False(backplane.HasSubscriber);
        Assert.Same(CacheEnvironment.Default, HighPerfCaching.Current);
    }
}
