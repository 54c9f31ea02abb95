using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace HighPerf.Caching.L1;

/// <summary>
/// The key-to-entry map of one L1 store: lock-free reads, writes by one thread at a time (the caller holds the store
/// lock). Open addressing with linear probing over an array of the entries themselves.
/// </summary>
/// <remarks>
/// <para>
/// Why not <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/>: a hit there walks
/// store -> dictionary -> tables -> buckets -> node -> entry, six dependent loads before the entry's first field,
/// and those loads are most of the cost of a hit. Here it is table -> slots -> entry. The price is that every
/// mutation must come from one writer, which the store's lock already guarantees.
/// </para>
/// <para>
/// Invariants that make the unlocked reads safe: a slot only ever changes from null to an entry, from an entry to
/// another entry of the same key, or from an entry to <see cref="Tombstone"/>; it never goes back to null. At most
/// half of the slots are used (entries plus tombstones), so every probe sequence ends at a null slot. Rebuilding
/// (to grow or to drop tombstones) fills a new array and publishes it; the old array is never written again, so a
/// reader still probing it sees a consistent, slightly older map. Entries are published with a release write after
/// their constructor ran.
/// </para>
/// </remarks>
internal sealed class EntryTable<TKey, TValue> where TKey : struct, IEquatable<TKey>
{
    private const int MinimumSlots = 16;

    /// <summary>Marks a removed slot: probing continues past it. Its hash, 0, matches no key's (see
    /// <see cref="CacheEntry{TKey, TValue}.HashOf"/>).</summary>
    private static readonly CacheEntry<TKey, TValue> Tombstone = CacheEntry<TKey, TValue>.CreateTombstone();

    private CacheEntry<TKey, TValue>?[] _slots = new CacheEntry<TKey, TValue>?[MinimumSlots];
    private int _count;
    private int _used;

    internal int Count => _count;

    /// <summary>The length of the slot array (a power of two, at least twice the entries and tombstones).</summary>
    internal int SlotCount => _slots.Length;

    /// <summary>Lock-free: the current entry of <paramref name="key"/>, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryGet(TKey key, [NotNullWhen(true)] out CacheEntry<TKey, TValue>? entry)
    {
        CacheEntry<TKey, TValue>?[] slots = _slots;
        int hash = CacheEntry<TKey, TValue>.HashOf(key);
        int mask = slots.Length - 1;
        int index = StartIndex(hash, mask);
        while (true)
        {
            CacheEntry<TKey, TValue>? candidate = slots[index];
            if (candidate is null)
            {
                entry = null;
                return false;
            }

            if (candidate.Hash == hash && candidate.Key.Equals(key))
            {
                entry = candidate;
                return true;
            }

            index = (index + 1) & mask;
        }
    }

    /// <summary>Writer only: adds <paramref name="entry"/>, or replaces the entry of its key (returned).</summary>
    internal CacheEntry<TKey, TValue>? Set(CacheEntry<TKey, TValue> entry)
    {
        int slot = FindSlot(_slots, entry.Key, entry.Hash, out CacheEntry<TKey, TValue>? previous);
        if (previous is not null)
        {
            Volatile.Write(ref _slots[slot], entry);
            return previous;
        }

        if ((_used + 1) * 2 > _slots.Length)
        {
            Rebuild(_count + 1);
            slot = FindSlot(_slots, entry.Key, entry.Hash, out _);
        }

        Volatile.Write(ref _slots[slot], entry);
        _used++;
        _count++;
        return null;
    }

    /// <summary>Writer only: removes <paramref name="entry"/> if it is still the entry of its key.</summary>
    internal bool RemoveExact(CacheEntry<TKey, TValue> entry)
    {
        int slot = FindSlot(_slots, entry.Key, entry.Hash, out CacheEntry<TKey, TValue>? current);
        if (!ReferenceEquals(current, entry))
        {
            return false;
        }

        Volatile.Write(ref _slots[slot], Tombstone);
        _count--;
        return true;
    }

    /// <summary>Writer only.</summary>
    internal void Clear()
    {
        Volatile.Write(ref _slots, new CacheEntry<TKey, TValue>?[MinimumSlots]);
        _count = _used = 0;
    }

    /// <summary>Writer only (or a reader content with a snapshot of the current array): the live entries.</summary>
    internal IEnumerable<CacheEntry<TKey, TValue>> Entries
    {
        get
        {
            foreach (CacheEntry<TKey, TValue>? candidate in _slots)
            {
                if (candidate is not null && !ReferenceEquals(candidate, Tombstone))
                {
                    yield return candidate;
                }
            }
        }
    }

    /// <summary>Fibonacci hashing: the top bits of hash x 2^32/phi, so that keys whose hashes differ only in their
    /// high bits (ids that are multiples of 1024, say) still spread over the slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StartIndex(int hash, int mask)
        => (int)(((uint)hash * 0x9E3779B9u) >> BitOperations.LeadingZeroCount((uint)mask));

    /// <summary>The slot holding <paramref name="key"/>, else the null slot that ends its probe sequence.</summary>
    private static int FindSlot(CacheEntry<TKey, TValue>?[] slots, TKey key, int hash, out CacheEntry<TKey, TValue>? found)
    {
        int mask = slots.Length - 1;
        int index = StartIndex(hash, mask);
        while (true)
        {
            CacheEntry<TKey, TValue>? candidate = slots[index];
            if (candidate is null || (candidate.Hash == hash && candidate.Key.Equals(key)))
            {
                found = candidate;
                return index;
            }

            index = (index + 1) & mask;
        }
    }

    /// <summary>Copies the live entries into a new array sized for a load of at most 1/4 and publishes it.</summary>
    private void Rebuild(int liveAfterInsert)
    {
        int length = Math.Max(MinimumSlots, (int)BitOperations.RoundUpToPowerOf2((uint)liveAfterInsert * 4));
        var slots = new CacheEntry<TKey, TValue>?[length];
        foreach (CacheEntry<TKey, TValue> entry in Entries)
        {
            slots[FindSlot(slots, entry.Key, entry.Hash, out _)] = entry;
        }

        Volatile.Write(ref _slots, slots);
        _used = _count;
    }
}
