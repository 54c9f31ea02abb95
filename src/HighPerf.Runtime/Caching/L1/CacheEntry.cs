using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace HighPerf.Caching.L1;

/// <summary>
/// One L1 entry: the value (or, for negative caching, the exception), its lifetimes in clock milliseconds and its
/// S3-FIFO state. Fields marked "store lock" change only under <see cref="S3FifoStore{TKey, TValue}.SyncRoot"/>;
/// the others are written by readers on the hit path without a lock, where a lost update is harmless.
/// </summary>
internal sealed class CacheEntry<TKey, TValue>
{
    internal const byte MaxFrequency = 3;

    private readonly long _slidingMilliseconds;
    private long _slidingDeadline;
    private Task<TValue>? _completedTask;

    internal CacheEntry(TKey key, TValue value, ExceptionDispatchInfo? error, long now, long lifetime, long slidingMilliseconds,
        long refreshAfter, string[]? tags, string? formattedKey)
    {
        Key = key;
        Hash = HashOf(key);
        Value = value;
        Error = error;
        ExpiresAt = now + lifetime;
        _slidingMilliseconds = slidingMilliseconds;
        _slidingDeadline = slidingMilliseconds > 0 ? now + slidingMilliseconds : long.MaxValue;
        RefreshAt = refreshAfter == long.MaxValue ? long.MaxValue : now + refreshAfter;
        Tags = tags;
        FormattedKey = formattedKey;
        AttentionAt = error is not null || slidingMilliseconds > 0 ? long.MinValue : Math.Min(ExpiresAt, RefreshAt);
    }

    /// <summary>The tombstone of <see cref="EntryTable{TKey, TValue}"/>: hash 0, which no real entry has.</summary>
    private CacheEntry()
    {
        Key = default!;
        Value = default!;
        AttentionAt = long.MinValue;
    }

    internal TKey Key { get; }

    /// <summary><see cref="HashOf"/> of <see cref="Key"/>, kept so that probing compares keys only on a hash match.</summary>
    internal readonly int Hash;

    internal TValue Value { get; }

    /// <summary>Non-null for a cached failure (negative caching): a hit rethrows it.</summary>
    internal ExceptionDispatchInfo? Error { get; }

    internal string[]? Tags { get; }

    internal string? FormattedKey { get; }

    /// <summary>
    /// The clock time from which a hit needs more than "return the value": the earlier of <see cref="ExpiresAt"/> and
    /// <see cref="RefreshAt"/>, or long.MinValue for a cached failure or a sliding entry (every hit of those goes
    /// through <see cref="TryHit"/>). Folding the expiry, refresh, failure and sliding checks into this one
    /// comparison keeps the common hit to a single read of the entry besides the value. Lowered with ExpiresAt.
    /// </summary>
    internal long AttentionAt;

    /// <summary>Absolute expiry. Lowered (never raised) when the backplane disconnects (see <see cref="CapExpiry"/>).</summary>
    internal long ExpiresAt;

    /// <summary>The clock time from which a hit starts the background refresh; long.MaxValue = never.</summary>
    internal readonly long RefreshAt;

    /// <summary>0 until the one background refresh of this entry starts (Interlocked).</summary>
    internal int RefreshStarted;

    /// <summary>S3-FIFO access counter, 0..3. Hits raise it racily; the evicting thread lowers it (store lock).</summary>
    internal byte Frequency;

    /// <summary>Store lock: in the main queue (else the small one).</summary>
    internal bool InMain;

    /// <summary>Store lock: no longer in the map; its queue slot is dead and skipped.</summary>
    internal bool Removed;

    /// <summary>The earlier of the absolute and the sliding expiry.</summary>
    internal long EffectiveExpiry => Math.Min(Volatile.Read(ref ExpiresAt), Volatile.Read(ref _slidingDeadline));

    /// <summary>The completed task handed to <c>Task&lt;T&gt;</c> callers: created on the first such hit, then reused.</summary>
    internal Task<TValue> CompletedTask => _completedTask ??= Task.FromResult(Value);

    internal bool IsFresh(long now) => now < EffectiveExpiry;

    /// <summary>
    /// The key's hash with the top bit set, so that it is never 0 (the tombstone's hash). Only keys that differ in
    /// nothing but that bit lose by it, as the table indexes by the top bits of a multiplied hash.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int HashOf(TKey key) => EqualityComparer<TKey>.Default.GetHashCode(key!) | int.MinValue;

    internal static CacheEntry<TKey, TValue> CreateTombstone() => new();

    /// <summary>Store lock: brings the absolute expiry forward to <paramref name="latest"/> if it is later.</summary>
    internal void CapExpiry(long latest)
    {
        if (Volatile.Read(ref ExpiresAt) > latest)
        {
            Volatile.Write(ref ExpiresAt, latest);
        }

        if (Volatile.Read(ref AttentionAt) > latest)
        {
            Volatile.Write(ref AttentionAt, latest);
        }
    }

    /// <summary>The S3-FIFO access record of a hit that needs no attention (see <see cref="AttentionAt"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void RecordAccess()
    {
        // Read before write: a saturated counter is not rewritten, so hot entries read by many cores keep their
        // cache line shared instead of bouncing it between cores on every hit.
        if (Frequency < MaxFrequency)
        {
            Frequency++;
        }
    }

    /// <summary>The hit path: true when fresh, and then records the access.</summary>
    internal bool TryHit(long now)
    {
        if (now >= ExpiresAt || now >= _slidingDeadline)
        {
            return false;
        }

        RecordAccess();
        if (_slidingMilliseconds != 0)
        {
            long deadline = now + _slidingMilliseconds;
            if (deadline > _slidingDeadline)
            {
                _slidingDeadline = deadline;
            }
        }

        return true;
    }
}
