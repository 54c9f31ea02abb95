using HighPerf.Caching;
using HighPerf.Caching.Distributed;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Caching.Support;
using HighPerf.Runtime.Tests.Distributed.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

/// <summary>What an L2 hit brings into L1 (remaining lifetime, tags) and how unreadable payloads are handled.</summary>
[Collection(CachingCollection.Name)]
public sealed class L2EnvelopeTierTests
{
    private static readonly ProductKey Key = new(1);

    private static CachedMethod<ProductKey, string?> NewMethod(string[]? methodTags = null) => new(new CachedMethodOptions<ProductKey>
    {
        MethodName = CacheTestScope.UniqueMethodName(nameof(L2EnvelopeTierTests)),
        Duration = TimeSpan.FromMinutes(5),
        FormatKey = ProductKey.Format,
        FormatTags = methodTags is null ? null : key => methodTags,
    });

    private static Func<CountingFactory, ProductKey, CancellationToken, ValueTask<Cacheable<string?>>> Factory { get; } =
        static (factory, key, _) => new ValueTask<Cacheable<string?>>(Cacheable.Of<string?>(factory.Next(key)));

    [Fact]
    public async Task L2Hit_L1EntryLivesOnlyForWhatIsLeftOfTheL2Lifetime()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2);
        var method = NewMethod();
        var factory = new CountingFactory();
        l2.Seed("product:1", "from-l2", scope.Clock.GetUtcNow().AddSeconds(60));

        Assert.Equal("from-l2", await method.GetOrCreateAsync(Key, factory, Factory, default));
        scope.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("from-l2", await method.GetOrCreateAsync(Key, factory, Factory, default));
        Assert.Equal(1, l2.Reads);

        scope.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(CountingFactory.Expected(1, 1), await method.GetOrCreateAsync(Key, factory, Factory, default));

        Assert.Equal(2, l2.Reads);
        Assert.Equal(1, factory.Calls);
    }

    [Fact]
    public async Task L2ExpiryBeyondTheMethodDuration_IsClampedToTheDuration()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2);
        var method = NewMethod();
        var factory = new CountingFactory();
        l2.Seed("product:1", "from-l2", scope.Clock.GetUtcNow().AddHours(1));

        await method.GetOrCreateAsync(Key, factory, Factory, default);
        scope.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal("from-l2", await method.GetOrCreateAsync(Key, factory, Factory, default));

        Assert.Equal(2, l2.Reads);
        Assert.Equal(0, factory.Calls);
    }

    [Fact]
    public async Task AlreadyExpiredPayload_IsAMiss_NotAnError()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2);
        using var errors = new MetricRecorder(HighPerfDiagnostics.CacheL2Errors);
        var method = NewMethod();
        var factory = new CountingFactory();
        l2.Seed("product:1", "stale", scope.Clock.GetUtcNow().AddMilliseconds(-1));

        Assert.Equal(CountingFactory.Expected(1, 1), await method.GetOrCreateAsync(Key, factory, Factory, default));

        Assert.Equal(0, errors.Sum(HighPerfDiagnostics.CacheL2Errors));
        Assert.Equal("\"value-1-1\"", l2.Entries["product:1"].Json);
    }

    [Fact]
    public async Task CachedNullInL2_IsAHitWithNull()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2);
        var method = NewMethod();
        var factory = new CountingFactory();
        l2.Seed<string?>("product:1", null, scope.Clock.GetUtcNow().AddMinutes(1));

        Assert.Null(await method.GetOrCreateAsync(Key, factory, Factory, default));

        Assert.Equal(0, factory.Calls);
        Assert.Equal(1, method.Count);
    }

    [Fact]
    public async Task PerResultTagsWrittenByOneNode_ReachTheOtherNodesL1_SoTagRemovalThereDropsIt()
    {
        var l2 = new InMemoryCacheL2();
        using var scope = new CacheTestScope(l2);
        // Two methods on one shared L2 under the same formatted key stand for one method on two nodes.
        var writer = NewMethod(["product:1"]);
        var reader = NewMethod(["product:1"]);
        await writer.GetOrCreateAsync(Key, 0,
            static (_, _, _) => new ValueTask<Cacheable<string?>>(Cacheable.Of<string?>("tagged").WithTags("brand:7")), default);
        var factory = new CountingFactory();

        Assert.Equal("tagged", await reader.GetOrCreateAsync(Key, factory, Factory, default));
        Assert.Equal(1, reader.Count);

        // What the backplane's receive path does on the reading node for a tag message.
        HighPerfCaching.RemoveLocalByTag("brand:7");

        Assert.Equal(0, reader.Count);
        Assert.Equal(0, factory.Calls);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'1' })]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, (byte)'1' })]
    [InlineData(new byte[] { (byte)'"', (byte)'o', (byte)'l', (byte)'d', (byte)'"' })]
    public async Task UnreadablePayload_IsAMiss_CountedAndLogged_AndTheFreshValueReplacesIt(byte[] payload)
    {
        var l2 = new InMemoryCacheL2();
        var logs = new ListLoggerProvider();
        using var scope = new CacheTestScope(l2, loggers: logs);
        using var errors = new MetricRecorder(HighPerfDiagnostics.CacheL2Errors);
        var method = NewMethod();
        var factory = new CountingFactory();
        l2.Entries["product:1"] = new StoredPayload(payload, TimeSpan.FromMinutes(5), null);

        Assert.Equal(CountingFactory.Expected(1, 1), await method.GetOrCreateAsync(Key, factory, Factory, default));

        Assert.Equal(1, errors.Sum(HighPerfDiagnostics.CacheL2Errors, (HighPerfDiagnostics.ErrorTypeTag, HighPerfDiagnostics.L2UnreadablePayload)));
        Assert.Equal(1, logs.Count("L2PayloadUnreadable"));
        Assert.Equal("\"value-1-1\"", l2.Entries["product:1"].Json);
    }

    [Fact]
    public async Task PayloadWhoseJsonDoesNotFitTheType_IsAMiss_AndCounted()
    {
        var l2 = new InMemoryCacheL2();
        var logs = new ListLoggerProvider();
        using var scope = new CacheTestScope(l2, loggers: logs);
        using var errors = new MetricRecorder(HighPerfDiagnostics.CacheL2Errors);
        var method = NewMethod();
        var factory = new CountingFactory();
        l2.Seed("product:1", new Gadget(1, "not a string"), scope.Clock.GetUtcNow().AddMinutes(1));

        Assert.Equal(CountingFactory.Expected(1, 1), await method.GetOrCreateAsync(Key, factory, Factory, default));

        Assert.Equal(1, errors.Sum(HighPerfDiagnostics.CacheL2Errors, (HighPerfDiagnostics.L2OperationTag, HighPerfDiagnostics.L2OperationGet)));
        Assert.Equal(1, logs.Count("L2SerializationFailed"));
    }

    [Fact]
    public async Task ClearAsync_EmptiesL1_RemovesTheMethodsL2EntriesByItsTag_AndPublishesAMethodMessage()
    {
        var l2 = new InMemoryCacheL2();
        var backplane = new InMemoryBackplane();
        using var scope = new CacheTestScope(l2, backplane);
        var method = NewMethod();
        var factory = new CountingFactory();
        await method.GetOrCreateAsync(new ProductKey(1), factory, Factory, default);
        await method.GetOrCreateAsync(new ProductKey(2), factory, Factory, default);
        l2.Seed("other-method:1", "kept", scope.Clock.GetUtcNow().AddMinutes(1), ["unrelated"]);

        await method.ClearAsync();

        Assert.Equal(0, method.Count);
        Assert.Equal(["other-method:1"], l2.Entries.Keys.ToArray());
        Assert.Equal([HighPerfCaching.MethodTag(method.MethodName)], l2.RemovedTags.ToArray());
        var message = Assert.Single(backplane.Published);
        Assert.Equal((CacheInvalidationKind.Method, method.MethodName), (message.Kind, message.MethodName));
        Assert.Equal(CountingFactory.Expected(1, 3), await method.GetOrCreateAsync(new ProductKey(1), factory, Factory, default));
    }

    [Fact]
    public async Task ClearAsyncWithoutFormatKey_ClearsOnlyTheLocalL1()
    {
        var l2 = new InMemoryCacheL2();
        var backplane = new InMemoryBackplane();
        using var scope = new CacheTestScope(l2, backplane);
        var method = new CachedMethod<ProductKey, string>(new CachedMethodOptions<ProductKey>
        {
            MethodName = CacheTestScope.UniqueMethodName(nameof(L2EnvelopeTierTests)),
            Duration = TimeSpan.FromMinutes(5),
        });
        await method.GetOrCreateAsync(Key, new CountingFactory(), CountingFactory.Async, default);

        await method.ClearAsync();

        Assert.Equal(0, method.Count);
        Assert.Empty(l2.RemovedTags);
        Assert.Empty(backplane.Published);
    }
}
