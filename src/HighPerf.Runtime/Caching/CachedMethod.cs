using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using HighPerf.Caching.Expiration;
using HighPerf.Caching.L1;
using HighPerf.Caching.Registry;
using HighPerf.Caching.Stampede;
using Microsoft.Extensions.Logging;

namespace HighPerf.Caching;

/// <summary>
/// The cache of one <c>[Cached]</c> method: a bounded, typed L1 keyed by the generated key struct, stampede
/// protection, and the optional L2 tier and backplane of <see cref="HighPerfCaching.Current"/>. Generated code holds
/// one per method in a static field, shared by every instance of the declaring type.
/// </summary>
/// <typeparam name="TKey">The generated <c>readonly record struct</c> of the key parameters.</typeparam>
/// <typeparam name="TValue">The method's result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class CachedMethod<TKey, TValue> : ICacheInvalidationTarget
    where TKey : struct, IEquatable<TKey>
{
    private readonly CachedMethodOptions<TKey> _options;
    private readonly S3FifoStore<TKey, TValue> _store;

    // The store's table, held here as well so that a hit goes this -> table -> slots without passing the store.
    private readonly EntryTable<TKey, TValue> _entries;
    private readonly ConcurrentDictionary<TKey, Flight<TKey, TValue>> _flights = new();
    private readonly CacheMetrics _metrics;
    private readonly EntryLifetime _lifetime;
    private readonly long _negativeMilliseconds;
    private readonly long _failSafeMilliseconds;
    private readonly string[] _methodTagOnly;

    public CachedMethod(CachedMethodOptions<TKey> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.MethodName, nameof(options.MethodName));
        if (options.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Duration, "Duration must be positive.");
        }

        _options = options;
        _metrics = new CacheMetrics(options.MethodName);
        _store = new S3FifoStore<TKey, TValue>(options.MaxEntries, _metrics);
        _entries = _store.Table;
        _lifetime = new EntryLifetime(options.SlidingExpiration ?? TimeSpan.Zero, options.JitterFraction, options.EagerRefreshThreshold);
        _negativeMilliseconds = CacheClock.ToMilliseconds(options.NegativeCacheDuration);
        _failSafeMilliseconds = CacheClock.ToMilliseconds(options.FailSafeWindow);
        _methodTagOnly = [HighPerfCaching.MethodTag(options.MethodName)];
        CacheRegistry.Register(this);
    }

    public string MethodName => _options.MethodName;

    /// <summary>L1 entries held now (fresh, or expired but not yet dropped).</summary>
    public int Count => _store.Count;

    // The hit path is written out in each of the three entry points on purpose: they differ only in what they return
    // (a ValueTask, the entry's completed Task, the value), and a shared helper would put a call with an out
    // parameter on the hottest path, which the JIT does not reliably inline across these generic methods.
    // The common hit is one comparison against the entry's AttentionAt; whatever else a hit may need (sliding
    // expiry, eager refresh, a cached failure, or the expiry itself) sits behind it in a method of its own, so the
    // hot method keeps a small frame and no calls on its hit path.

    /// <summary>Hit: 0 bytes allocated. Miss: one factory run per key, shared by concurrent callers.</summary>
    public ValueTask<TValue> GetOrCreateAsync<TState>(TKey key, TState state,
        Func<TState, TKey, CancellationToken, ValueTask<Cacheable<TValue>>> factory, CancellationToken cancellationToken)
    {
        long now = HighPerfCaching.NowMilliseconds();
        if (_entries.TryGet(key, out CacheEntry<TKey, TValue>? entry))
        {
            if (now < entry.AttentionAt)
            {
                entry.RecordAccess();
                CacheMetrics.L1Hit(_metrics);
                return new ValueTask<TValue>(entry.Value);
            }

            if (TryHitWithAttention(entry, now, state, factory))
            {
                return entry.Error is null ? new ValueTask<TValue>(entry.Value) : ValueTask.FromException<TValue>(entry.Error.SourceException);
            }
        }

        return MissAsync(key, state, factory, cancellationToken);
    }

    /// <summary>As <see cref="GetOrCreateAsync{TState}"/>, for <c>Task&lt;T&gt;</c> methods: a hit returns the completed
    /// task stored with the entry (0 bytes after the entry's first <c>Task</c> hit).</summary>
    public Task<TValue> GetOrCreateTaskAsync<TState>(TKey key, TState state,
        Func<TState, TKey, CancellationToken, ValueTask<Cacheable<TValue>>> factory, CancellationToken cancellationToken)
    {
        long now = HighPerfCaching.NowMilliseconds();
        if (_entries.TryGet(key, out CacheEntry<TKey, TValue>? entry))
        {
            if (now < entry.AttentionAt)
            {
                entry.RecordAccess();
                CacheMetrics.L1Hit(_metrics);
                return entry.CompletedTask;
            }

            if (TryHitWithAttention(entry, now, state, factory))
            {
                return entry.Error is null ? entry.CompletedTask : Task.FromException<TValue>(entry.Error.SourceException);
            }
        }

        return MissAsync(key, state, factory, cancellationToken).AsTask();
    }

    /// <summary>Synchronous methods: L1 and stampede protection only (L2 is asynchronous and is skipped).</summary>
    public TValue GetOrCreate<TState>(TKey key, TState state, Func<TState, TKey, Cacheable<TValue>> factory)
    {
        long now = HighPerfCaching.NowMilliseconds();
        if (_entries.TryGet(key, out CacheEntry<TKey, TValue>? entry))
        {
            if (now < entry.AttentionAt)
            {
                entry.RecordAccess();
                CacheMetrics.L1Hit(_metrics);
                return entry.Value;
            }

            if (TryHitWithAttention(entry, now, state, factory))
            {
                entry.Error?.Throw();
                return entry.Value;
            }
        }

        return Miss(key, state, factory);
    }

    private ILogger Logger => HighPerfCaching.Current.CreateLogger();
}
