using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;

namespace HighPerf.Caching.L1;

/// <summary>
/// The bounded L1 store of one method: lock-free reads through an <see cref="EntryTable{TKey, TValue}"/>, writes and
/// eviction under one lock, S3-FIFO eviction (Yang et al., SOSP 2023; see docs/caching.md).
/// </summary>
/// <remarks>
/// S3-FIFO: new keys enter a small FIFO (10% of the capacity). Leaving it, a key read at least once since it came in
/// moves to the main FIFO; the others are evicted and remembered by key only in the ghost queue. Main is a FIFO with
/// reinsertion: an entry with a non-zero frequency goes back to the tail with its frequency decremented. A scan of
/// one-hit keys therefore churns through the small queue only and never displaces the hot keys living in main.
/// Removals only mark the entry <see cref="CacheEntry{TKey, TValue}.Removed"/>: its queue slot is skipped later, and
/// the queues are compacted once the dead slots outnumber the capacity.
/// </remarks>
internal sealed partial class S3FifoStore<TKey, TValue> where TKey : struct, IEquatable<TKey>
{
    private readonly EntryTable<TKey, TValue> _map = new();
    private readonly Dictionary<string, TKey> _byFormattedKey = new(StringComparer.Ordinal);
    private readonly Queue<CacheEntry<TKey, TValue>> _small = new();
    private readonly Queue<CacheEntry<TKey, TValue>> _main = new();
    private readonly GhostQueue<TKey> _ghost;
    private readonly IEvictionObserver _observer;
    private readonly int _smallCapacity;
    private int _count;
    private int _smallLive;
    private int _mainLive;
    private int _deadSlots;

    internal S3FifoStore(int capacity, IEvictionObserver observer)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "MaxEntries must be at least 1.");
        }

        Capacity = capacity;
        _smallCapacity = Math.Max(1, capacity / 10);
        _ghost = new GhostQueue<TKey>(capacity - _smallCapacity);
        _observer = observer;
    }

    /// <summary>Every mutation of the store happens under this lock; callers take it to make a check-then-act atomic.</summary>
    internal object SyncRoot { get; } = new();

    internal int Capacity { get; }

    internal int Count => Volatile.Read(ref _count);

    /// <summary>The key-to-entry map, for lock-free reads only: every write goes through this store.</summary>
    internal EntryTable<TKey, TValue> Table => _map;

    /// <summary>Lock-free read; the entry may be expired (the caller checks against its clock).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryGet(TKey key, [NotNullWhen(true)] out CacheEntry<TKey, TValue>? entry)
        => _map.TryGet(key, out entry);

    /// <summary>Adds or replaces the entry of <paramref name="entry"/>'s key, then evicts down to the capacity.</summary>
    internal void Set(CacheEntry<TKey, TValue> entry, long now)
    {
        lock (SyncRoot)
        {
            bool toMain;
            // Replaced in place, so that readers find either the previous entry or this one, never no entry.
            if (_map.Set(entry) is { } previous)
            {
                toMain = previous.InMain;
                Detach(previous);
            }
            else
            {
                // A key remembered by the ghost queue was evicted too early: it earns its place in main.
                toMain = _ghost.TryTake(entry.Key);
            }

            _count++;
            if (entry.FormattedKey is not null)
            {
                _byFormattedKey[entry.FormattedKey] = entry.Key;
            }

            entry.InMain = toMain;
            if (toMain)
            {
                _main.Enqueue(entry);
                _mainLive++;
            }
            else
            {
                _small.Enqueue(entry);
                _smallLive++;
            }

            while (_count > Capacity)
            {
                EvictOne(now);
            }

            if (_deadSlots > Capacity)
            {
                CompactQueues();
            }
        }
    }

    internal bool Remove(TKey key)
    {
        lock (SyncRoot)
        {
            if (!_map.TryGet(key, out CacheEntry<TKey, TValue>? entry))
            {
                return false;
            }

            Unlink(entry);
            return true;
        }
    }

    /// <summary>Removes <paramref name="entry"/> only if it is still the current entry of its key.</summary>
    internal bool RemoveExact(CacheEntry<TKey, TValue> entry)
    {
        lock (SyncRoot)
        {
            if (entry.Removed || !_map.TryGet(entry.Key, out CacheEntry<TKey, TValue>? current) || !ReferenceEquals(current, entry))
            {
                return false;
            }

            Unlink(entry);
            return true;
        }
    }

    internal bool TryFindKey(string formattedKey, out TKey key)
    {
        lock (SyncRoot)
        {
            return _byFormattedKey.TryGetValue(formattedKey, out key);
        }
    }

    internal void Clear()
    {
        lock (SyncRoot)
        {
            foreach (CacheEntry<TKey, TValue> entry in _map.Entries)
            {
                entry.Removed = true;
            }

            _map.Clear();
            _byFormattedKey.Clear();
            _small.Clear();
            _main.Clear();
            _ghost.Clear();
            _count = _smallLive = _mainLive = _deadSlots = 0;
        }
    }

    /// <summary>The current entries. Take <see cref="SyncRoot"/> for an exact walk; without it, the walk sees the
    /// table as it was when the walk started, except for entries replaced or removed since.</summary>
    internal IEnumerable<CacheEntry<TKey, TValue>> Entries => _map.Entries;
}
