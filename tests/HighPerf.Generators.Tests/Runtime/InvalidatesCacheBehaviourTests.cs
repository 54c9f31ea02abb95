using HighPerf.Generators.Tests.TestClasses;

namespace HighPerf.Generators.Tests.Runtime;

/// <summary>[InvalidatesCache] and the generated Invalidate API of <see cref="CachedCatalog"/>.</summary>
public sealed class InvalidatesCacheBehaviourTests
{
    private readonly CachedCatalog _catalog = new();

    [Fact]
    public async Task InvalidatingMethodSucceeds_TheEntryIsRemoved_AndTheNextCallRunsTheImplementation()
    {
        long id = CachedCatalog.NextKey();
        await _catalog.GetProductAsync(id);

        await _catalog.RenameAsync(id, "new name");
        await _catalog.GetProductAsync(id);

        Assert.Equal(2, _catalog.Calls);
    }

    [Fact]
    public async Task InvalidatingMethodThrows_TheEntryStays()
    {
        long id = CachedCatalog.NextKey();
        Product? cached = await _catalog.GetProductAsync(id);

        await Assert.ThrowsAsync<ArgumentException>(() => _catalog.RenameAsync(id, ""));
        Product? after = await _catalog.GetProductAsync(id);

        Assert.Same(cached, after);
        Assert.Equal(1, _catalog.Calls);
    }

    [Fact]
    public async Task InvalidatingOneKey_LeavesOtherKeysCached()
    {
        long removed = CachedCatalog.NextKey();
        long kept = CachedCatalog.NextKey();
        await _catalog.GetProductAsync(removed);
        await _catalog.GetProductAsync(kept);

        await _catalog.RenameAsync(removed, "renamed");
        await _catalog.GetProductAsync(kept);

        Assert.Equal(2, _catalog.Calls);
    }

    [Fact]
    public void SyncMethodWithTwoTargets_RemovesBothEntries_KeyMembersReadFromTheInstance()
    {
        long id = CachedCatalog.NextKey();
        _catalog.Greet(id);
        _catalog.Square(id, "r");

        _catalog.Reset(id, id);
        _catalog.Greet(id);
        _catalog.Square(id, "r");

        Assert.Equal(4, _catalog.Calls);
    }

    [Fact]
    public void SyncInvalidationFromAnotherTenant_LeavesThisTenantsEntry()
    {
        long id = CachedCatalog.NextKey();
        var south = new CachedCatalog { Tenant = "south" };
        _catalog.Greet(id);

        south.Reset(id, id);
        _catalog.Greet(id);

        Assert.Equal(1, _catalog.Calls);
    }

    [Fact]
    public async Task GeneratedInvalidateApi_RemovesExactlyThatKey()
    {
        long id = CachedCatalog.NextKey();
        await _catalog.GetProductAsync(id);

        await CachedCatalog.InvalidateGetProductAsync(id);
        await _catalog.GetProductAsync(id);
        await _catalog.GetProductAsync(id);

        Assert.Equal(2, _catalog.Calls);
    }

    [Fact]
    public async Task TagRemoval_ReachesEntriesTaggedFromTheTemplate()
    {
        long id = CachedCatalog.NextKey();
        long other = CachedCatalog.NextKey();
        await _catalog.GetProductAsync(id);
        await _catalog.GetProductAsync(other);

        await HighPerf.Caching.HighPerfCaching.RemoveByTagAsync("product:" + id);
        await _catalog.GetProductAsync(id);
        await _catalog.GetProductAsync(other);

        Assert.Equal(3, _catalog.Calls);
    }
}
