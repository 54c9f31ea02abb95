namespace HighPerf.Caching.Registry;

/// <summary>What the registry needs from one cached method: the local (L1) side of every invalidation.</summary>
internal interface ICacheInvalidationTarget
{
    string MethodName { get; }

    int Count { get; }

    /// <summary>Removes the L1 entry whose formatted key (<c>FormatKey</c>) is <paramref name="formattedKey"/>.</summary>
    bool RemoveLocalByFormattedKey(string formattedKey);

    /// <summary>Removes every L1 entry carrying <paramref name="tag"/>; returns how many.</summary>
    int RemoveLocalByTag(string tag);

    /// <summary>Removes every L1 entry.</summary>
    void ClearLocal();

    /// <summary>Shortens every L1 entry's lifetime to at most <paramref name="maxRemainingMilliseconds"/> from now.</summary>
    void CapLocalLifetimes(long maxRemainingMilliseconds);
}
