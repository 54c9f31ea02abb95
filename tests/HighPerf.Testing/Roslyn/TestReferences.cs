using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HighPerf.Testing.Roslyn;

/// <summary>
/// Metadata references for in-memory compilations: the .NET 10 reference assemblies shipped in a NuGet package
/// (no download at test time), plus Dapper, Npgsql and the HighPerf attributes taken from the test's own
/// dependencies.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> all = new(Create);

    /// <summary>Everything a test source may use: the BCL, Dapper, Npgsql and HighPerf.Abstractions.</summary>
    public static ImmutableArray<MetadataReference> All => all.Value;

    private static ImmutableArray<MetadataReference> Create()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        builder.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        foreach (var assembly in new[]
        {
            typeof(Dapper.SqlMapper).Assembly,
            typeof(Npgsql.NpgsqlCommand).Assembly,
            typeof(Microsoft.Extensions.Logging.ILogger).Assembly,
            typeof(HighPerf.TrackPerformanceAttribute).Assembly,
        })
        {
            builder.Add(MetadataReference.CreateFromFile(assembly.Location));
        }

        return builder.ToImmutable();
    }
}
