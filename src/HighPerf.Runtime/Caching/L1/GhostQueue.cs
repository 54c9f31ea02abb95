using System;
using System.Collections.Generic;

namespace HighPerf.Caching.L1;

/// <summary>
/// S3-FIFO's ghost queue: keys recently evicted from the small queue, without values. A key that comes back while
/// still remembered goes straight to the main queue. Not thread-safe: used under the store lock.
/// </summary>
internal sealed class GhostQueue<TKey> where TKey : struct, IEquatable<TKey>
{
    private readonly Queue<TKey> _order = new();
    private readonly Dictionary<TKey, int> _counts = new();
    private readonly int _capacity;

    internal GhostQueue(int capacity) => _capacity = Math.Max(1, capacity);

    internal int Count => _counts.Count;

    internal void Add(TKey key)
    {
        _order.Enqueue(key);
        _counts[key] = _counts.TryGetValue(key, out int count) ? count + 1 : 1;
        while (_order.Count > _capacity)
        {
            Forget(_order.Dequeue());
        }
    }

    /// <summary>True when <paramref name="key"/> was remembered; it is forgotten either way.</summary>
    internal bool TryTake(TKey key) => _counts.Remove(key);

    internal void Clear()
    {
        _order.Clear();
        _counts.Clear();
    }

    private void Forget(TKey key)
    {
        // A key taken (TryTake) and evicted again has an older slot still queued; counting slots keeps that old slot
        // from forgetting the newer one early.
        if (_counts.TryGetValue(key, out int count))
        {
            if (count <= 1)
            {
                _counts.Remove(key);
            }
            else
            {
                _counts[key] = count - 1;
            }
        }
    }
}
