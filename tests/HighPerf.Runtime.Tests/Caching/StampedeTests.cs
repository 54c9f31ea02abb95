using HighPerf.Caching;
using HighPerf.Runtime.Tests.Caching.Support;
using Xunit;

namespace HighPerf.Runtime.Tests.Caching;

[Collection(CachingCollection.Name)]
public sealed class StampedeTests
{
    private static CachedMethod<ProductKey, string> NewMethod() => new(new CachedMethodOptions<ProductKey>
    {
        MethodName = CacheTestScope.UniqueMethodName(nameof(StampedeTests)),
        Duration = TimeSpan.FromMinutes(5),
    });

    [Fact]
    public async Task ThousandConcurrentMisses_OnOneKey_RunFactoryExactlyOnce()
    {
        using var scope = new CacheTestScope();
        using var metrics = new CacheMetricsRecorder();
        var method = NewMethod();
        var factory = new GatedFactory();
        int started = 0;

        Task<string>[] callers = Enumerable.Range(0, 1_000).Select(_ => Task.Run(async () =>
        {
            ValueTask<string> pending = method.GetOrCreateAsync(new ProductKey(5), factory, GatedFactory.Async, default);
            Interlocked.Increment(ref started);
            return await pending;
        })).ToArray();
        while (Volatile.Read(ref started) < callers.Length)
        {
            await Task.Delay(1);
        }

        factory.Release();
        string[] results = await Task.WhenAll(callers);

        Assert.Equal(1, factory.Calls);
        Assert.All(results, result => Assert.Equal(CountingFactory.Expected(5, 1), result));
        Assert.Equal(999, metrics.Sum(Diagnostics.HighPerfDiagnostics.CacheStampedeJoins, method.MethodName));
    }

    [Fact]
    public void ThousandConcurrentMisses_OnSynchronousMethod_RunFactoryExactlyOnce()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        using var gate = new ManualResetEventSlim();
        int calls = 0;
        Func<int, ProductKey, Cacheable<string>> factory = (_, key) =>
        {
            Interlocked.Increment(ref calls);
            gate.Wait();
            return Cacheable.Of("sync-" + key.Id);
        };

        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            for (int i = 0; i < 125; i++)
            {
                Assert.Equal("sync-9", method.GetOrCreate(new ProductKey(9), 0, factory));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        while (Volatile.Read(ref calls) == 0)
        {
            Thread.Sleep(1);
        }

        gate.Set();
        threads.ForEach(t => t.Join());

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task OneWaiterCancelled_OnlyThatWaiterIsCancelled_AndFactoryKeepsRunning()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var factory = new GatedFactory();
        using var firstCancellation = new CancellationTokenSource();

        ValueTask<string> first = method.GetOrCreateAsync(new ProductKey(1), factory, GatedFactory.Async, firstCancellation.Token);
        CancellationToken factoryToken = await factory.Entered;
        ValueTask<string> second = method.GetOrCreateAsync(new ProductKey(1), factory, GatedFactory.Async, CancellationToken.None);

        firstCancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await first);

        Assert.False(factoryToken.IsCancellationRequested);
        Assert.False(second.IsCompleted);
        factory.Release();
        Assert.Equal(CountingFactory.Expected(1, 1), await second);
        Assert.Equal(1, factory.Calls);
        Assert.Equal(1, method.Count);
    }

    [Fact]
    public async Task EveryWaiterCancelled_CancelsFactoryToken_AndNextCallerStartsFreshRun()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var factory = new GatedFactory();
        using var firstCancellation = new CancellationTokenSource();
        using var secondCancellation = new CancellationTokenSource();

        ValueTask<string> first = method.GetOrCreateAsync(new ProductKey(1), factory, GatedFactory.Async, firstCancellation.Token);
        CancellationToken factoryToken = await factory.Entered;
        ValueTask<string> second = method.GetOrCreateAsync(new ProductKey(1), factory, GatedFactory.Async, secondCancellation.Token);

        firstCancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await first);
        Assert.False(factoryToken.IsCancellationRequested);

        secondCancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await second);
        Assert.True(factoryToken.IsCancellationRequested);

        factory.Release();
        string third = await method.GetOrCreateAsync(new ProductKey(1), factory, GatedFactory.Async, CancellationToken.None);
        Assert.Equal(CountingFactory.Expected(1, 2), third);
        Assert.Equal(2, factory.Calls);
    }

    [Fact]
    public async Task AlreadyCancelledToken_ThrowsWithoutRunningFactory()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var factory = new CountingFactory();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await method.GetOrCreateAsync(new ProductKey(1), factory, CountingFactory.Async, new CancellationToken(true)));

        Assert.Equal(0, factory.Calls);
    }

    [Fact]
    public async Task FactoryFailure_ReachesEveryWaiter_AndIsNotCached()
    {
        using var scope = new CacheTestScope();
        var method = NewMethod();
        var factory = new GatedFactory { FailWith = new InvalidOperationException("database down") };

        ValueTask<string> first = method.GetOrCreateAsync(new ProductKey(1), factory, GatedFactory.Async, default);
        await factory.Entered;
        ValueTask<string> second = method.GetOrCreateAsync(new ProductKey(1), factory, GatedFactory.Async, default);
        factory.Release();

        var firstError = await Assert.ThrowsAsync<InvalidOperationException>(async () => await first);
        var secondError = await Assert.ThrowsAsync<InvalidOperationException>(async () => await second);
        Assert.Equal("database down", firstError.Message);
        Assert.Same(firstError, secondError);
        Assert.Equal(0, method.Count);

        factory.FailWith = null;
        Assert.Equal(CountingFactory.Expected(1, 2), await method.GetOrCreateAsync(new ProductKey(1), factory, GatedFactory.Async, default));
    }
}
