using System.Text.Json.Serialization;
using HighPerf;

namespace HighPerf.Generators.Tests.TestClasses;

public sealed record Gizmo(long GizmoId, string DisplayName);

/// <summary>Completed by the System.Text.Json generator; snake_case shows in the payload that it wrote it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Gizmo))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;

/// <summary>A distributed [Cached] method whose L2 values go through <see cref="CatalogJsonContext"/>.</summary>
[CacheJsonContext(typeof(CatalogJsonContext))]
public sealed partial class JsonContextCatalog
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    [Cached(Tags = ["gizmo:{id}"])]
    public partial ValueTask<Gizmo> GetGizmoAsync(long id);

    private ValueTask<Gizmo> GetGizmoAsyncCore(long id)
    {
        Interlocked.Increment(ref _calls);
        return new ValueTask<Gizmo>(new Gizmo(id, "gizmo " + id));
    }
}
