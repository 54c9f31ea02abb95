using HighPerf;

namespace HighPerf.Generators.Tests.TestClasses;

/// <summary>A [Cached] method in a generic type: each closed type has its own store.</summary>
public sealed partial class CachedRepository<TItem>
    where TItem : class
{
    private readonly Func<long, TItem> _load;
    private int _calls;

    public CachedRepository(Func<long, TItem> load) => _load = load;

    public int Calls => Volatile.Read(ref _calls);

    [Cached]
    public partial TItem Find(long id);

    private TItem FindCore(long id)
    {
        Interlocked.Increment(ref _calls);
        return _load(id);
    }
}
