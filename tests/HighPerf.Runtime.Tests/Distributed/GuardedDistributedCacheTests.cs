using HighPerf.Caching.Distributed;
using HighPerf.Diagnostics;
using HighPerf.Runtime.Tests.Distributed.Support;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HighPerf.Runtime.Tests.Distributed;

/// <summary>
/// The wrapper's own decisions (what a failure becomes, timeouts, cancellation), driven by a backend that fails on
/// demand. What Redis does when it is really down is covered against a real server in <see cref="HybridCacheL2Tests"/>.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class GuardedDistributedCacheTests
{
    private const string TagKey = "__MSFT_HCT__catalog";

    [Fact]
    public async Task FailingDataRead_IsAMiss_AndIsCounted()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheL2Errors);
        var cache = Guard(new FailingCache());

        Assert.Null(await cache.GetAsync("product:1"));
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheL2Errors,
            (HighPerfDiagnostics.L2OperationTag, HighPerfDiagnostics.L2OperationGet), (HighPerfDiagnostics.ErrorTypeTag, typeof(IOException).FullName)));
    }

    [Fact]
    public async Task FailingTagRecordRead_Rethrows_SoHybridCacheAssumesTheTagInvalidated()
    {
        var cache = Guard(new FailingCache());

        await Assert.ThrowsAsync<IOException>(() => cache.GetAsync(TagKey));
    }

    [Fact]
    public async Task WhileOpen_DataReadsAreSkippedQuietly_AndTagRecordReadsThrow()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheL2Skipped, HighPerfDiagnostics.CacheL2Errors);
        var backend = new FailingCache();
        var cache = Guard(backend);
        await cache.GetAsync("first");

        Assert.Null(await cache.GetAsync("second"));
        await Assert.ThrowsAsync<DistributedCacheUnavailableException>(() => cache.GetAsync(TagKey));
        Assert.Equal(1, backend.Calls);
        Assert.Equal(2, metrics.Sum(HighPerfDiagnostics.CacheL2Skipped));
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheL2Errors));
    }

    [Fact]
    public async Task FailingWrites_AreSkipped_WithoutThrowing()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheL2Errors);
        var cache = Guard(new FailingCache(), breakDuration: TimeSpan.Zero);

        await cache.SetAsync(TagKey, [1], new DistributedCacheEntryOptions());
        await cache.RemoveAsync("product:1");
        cache.Set("product:2", [2], new DistributedCacheEntryOptions());

        Assert.Equal(2, metrics.Sum(HighPerfDiagnostics.CacheL2Errors, (HighPerfDiagnostics.L2OperationTag, HighPerfDiagnostics.L2OperationSet)));
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheL2Errors, (HighPerfDiagnostics.L2OperationTag, HighPerfDiagnostics.L2OperationRemove)));
    }

    [Fact]
    public async Task CallSlowerThanTheTimeout_IsAMiss_CountedAsATimeout()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheL2Errors);
        var cache = Guard(new FailingCache { Hang = true }, timeout: TimeSpan.FromMilliseconds(50));

        Assert.Null(await cache.GetAsync("slow"));
        Assert.Equal(1, metrics.Sum(HighPerfDiagnostics.CacheL2Errors, (HighPerfDiagnostics.ErrorTypeTag, typeof(TimeoutException).FullName)));
    }

    [Fact]
    public async Task CallerCancellation_Propagates_AndIsNotABackendFailure()
    {
        using var metrics = new MetricRecorder(HighPerfDiagnostics.CacheL2Errors);
        var cache = Guard(new FailingCache { Hang = true });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cache.GetAsync("slow", cancel.Token));
        Assert.Equal(0, metrics.Sum(HighPerfDiagnostics.CacheL2Errors));
        Assert.False(cache.IsCircuitOpen);
    }

    private static GuardedDistributedCache Guard(IDistributedCache backend, TimeSpan? breakDuration = null, TimeSpan? timeout = null)
        => new(backend, ownsInner: false, new CircuitBreaker(breakDuration ?? TimeSpan.FromMinutes(1), TimeProvider.System),
            timeout ?? TimeSpan.FromSeconds(30), NullLogger.Instance);

    /// <summary>A backend that fails every call (or never answers), standing in for a broken connection.</summary>
    private sealed class FailingCache : IDistributedCache
    {
        public bool Hang { get; init; }

        public int Calls { get; private set; }

        public byte[]? Get(string key) => throw Fail();

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Respond<byte[]?>(token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw Fail();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => Respond<bool>(token);

        public void Refresh(string key) => throw Fail();

        public Task RefreshAsync(string key, CancellationToken token = default) => Respond<bool>(token);

        public void Remove(string key) => throw Fail();

        public Task RemoveAsync(string key, CancellationToken token = default) => Respond<bool>(token);

        private async Task<T> Respond<T>(CancellationToken token)
        {
            Calls++;
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            await Task.Yield();
            throw new IOException("connection reset");
        }

        private IOException Fail()
        {
            Calls++;
            return new IOException("connection reset");
        }
    }
}
