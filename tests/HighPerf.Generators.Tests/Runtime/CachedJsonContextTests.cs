using System.Collections.Concurrent;
using System.Text;
using HighPerf.Caching;
using HighPerf.Caching.Distributed;
using HighPerf.Generators.Tests.TestClasses;

namespace HighPerf.Generators.Tests.Runtime;

/// <summary>Generated code hands the declared [CacheJsonContext] to the runtime, which writes L2 values with it.</summary>
[Collection(MetricsCollection.Name)]
public sealed class CachedJsonContextTests
{
    [Fact]
    public async Task DistributedMethodOfATypeWithAContext_WritesL2ThroughThatContext_AndAnotherNodeReadsItBack()
    {
        var l2 = new DictionaryL2();
        long id = CachedCatalog.NextKey();
        string key = "HighPerf.Generators.Tests.TestClasses.JsonContextCatalog.GetGizmoAsync(" + id + ")";
        using (HighPerfCaching.Install(new CacheEnvironment { L2 = l2 }))
        {
            var catalog = new JsonContextCatalog();
            Assert.Equal(new Gizmo(id, "gizmo " + id), await catalog.GetGizmoAsync(id));

            Assert.True(L2Envelope.TryReadHeader(l2.Payloads[key], out _, out string[]? tags, out int offset, out _));
            Assert.Equal($"{{\"gizmo_id\":{id},\"display_name\":\"gizmo {id}\"}}", Encoding.UTF8.GetString(l2.Payloads[key].AsSpan(offset)));
            Assert.Equal(["gizmo:" + id], tags!);

            // Invalidating clears L1 and L2; putting the payload back leaves it in L2 only, as another node would
            // see it. The next call is served from L2 without running the implementation.
            byte[] payload = l2.Payloads[key];
            await JsonContextCatalog.InvalidateGetGizmoAsync(id);
            Assert.False(l2.Payloads.ContainsKey(key));
            l2.Payloads[key] = payload;
            Assert.Equal(new Gizmo(id, "gizmo " + id), await catalog.GetGizmoAsync(id));
            Assert.Equal(1, catalog.Calls);
        }
    }

    /// <summary>Payloads by key, nothing else.</summary>
    private sealed class DictionaryL2 : ICacheL2
    {
        public ConcurrentDictionary<string, byte[]> Payloads { get; } = new();

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
            new(Payloads.TryGetValue(key, out byte[]? payload) ? payload : null);

        public ValueTask SetAsync(string key, byte[] payload, TimeSpan duration, string[]? tags, CancellationToken cancellationToken)
        {
            Payloads[key] = payload;
            return ValueTask.CompletedTask;
        }

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
        {
            Payloads.TryRemove(key, out _);
            return ValueTask.CompletedTask;
        }

        public ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
