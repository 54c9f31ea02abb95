using System;
using System.Collections.Generic;

namespace HighPerf.Caching.L1;

/// <summary>Notified (under the store lock) of every entry the store drops on its own.</summary>
internal interface IEvictionObserver
{
    void OnEvicted(bool expired);
}

internal sealed partial class S3FifoStore<TKey, TValue>
{
    private void EvictOne(long now)
    {
        if (_smallLive > _smallCapacity || _mainLive == 0)
        {
            if (EvictFromSmall(now))
            {
                return;
            }
        }

        if (!EvictFromMain(now))
        {
            EvictFromSmall(now);
        }
    }

    private bool EvictFromSmall(long now)
    {
        while (_small.TryDequeue(out CacheEntry<TKey, TValue>? entry))
        {
            if (entry.Removed)
            {
                _deadSlots--;
                continue;
            }

            _smallLive--;
            bool fresh = entry.IsFresh(now);
            if (entry.Frequency > 0 && fresh)
            {
                entry.Frequency = 0;
                entry.InMain = true;
                _main.Enqueue(entry);
                _mainLive++;
                continue;
            }

            Drop(entry, expired: !fresh);
            _ghost.Add(entry.Key);
            return true;
        }

        return false;
    }

    private bool EvictFromMain(long now)
    {
        // Terminates: every pass over main lowers each surviving frequency by one, and frequencies stop at 3.
        while (_main.TryDequeue(out CacheEntry<TKey, TValue>? entry))
        {
            if (entry.Removed)
            {
                _deadSlots--;
                continue;
            }

            bool fresh = entry.IsFresh(now);
            if (entry.Frequency > 0 && fresh)
            {
                entry.Frequency--;
                _main.Enqueue(entry);
                continue;
            }

            _mainLive--;
            Drop(entry, expired: !fresh);
            return true;
        }

        return false;
    }

    /// <summary>Evicts an entry already taken out of its queue.</summary>
    private void Drop(CacheEntry<TKey, TValue> entry, bool expired)
    {
        entry.Removed = true;
        _map.RemoveExact(entry);
        ForgetFormattedKey(entry);
        _count--;
        _observer.OnEvicted(expired);
    }

    /// <summary>Takes a live entry out of the map; its queue slot becomes dead.</summary>
    private void Unlink(CacheEntry<TKey, TValue> entry)
    {
        _map.RemoveExact(entry);
        Detach(entry);
    }

    /// <summary>The bookkeeping of <see cref="Unlink"/> for an entry no longer in the map (removed or replaced).</summary>
    private void Detach(CacheEntry<TKey, TValue> entry)
    {
        entry.Removed = true;
        ForgetFormattedKey(entry);
        _count--;
        _deadSlots++;
        if (entry.InMain)
        {
            _mainLive--;
        }
        else
        {
            _smallLive--;
        }
    }

    private void ForgetFormattedKey(CacheEntry<TKey, TValue> entry)
    {
        if (entry.FormattedKey is not null
            && _byFormattedKey.TryGetValue(entry.FormattedKey, out TKey key)
            && key.Equals(entry.Key)
            && !_map.TryGet(key, out _))
        {
            _byFormattedKey.Remove(entry.FormattedKey);
        }
    }

    private void CompactQueues()
    {
        Compact(_small);
        Compact(_main);
        _deadSlots = 0;
    }

    private static void Compact(Queue<CacheEntry<TKey, TValue>> queue)
    {
        int slots = queue.Count;
        for (int i = 0; i < slots; i++)
        {
            CacheEntry<TKey, TValue> entry = queue.Dequeue();
            if (!entry.Removed)
            {
                queue.Enqueue(entry);
            }
        }
    }
}
