namespace HighPerf.Package.Tests;

/// <summary>
/// A new console application made for trimming and Native AOT: trim and AOT analyzers on (IsAotCompatible), reflection-based
/// JSON off, warnings as errors. It caches through HybridCache over AddDistributedMemoryCache with a [CacheJsonContext],
/// pushes an entry out of L1 (MaxEntries = 1) and reads it back from L2, counting L2 hits through the HighPerf meter.
/// </summary>
internal static class AotConsumerProject
{
    public static void Write(string directory, string packageSource, string packageVersion)
    {
        ConsumerProject.WriteNuGetConfig(directory, packageSource);
        File.WriteAllText(Path.Combine(directory, "AotConsumer.csproj"), Project.Replace("{version}", packageVersion));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
    }

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <IsAotCompatible>true</IsAotCompatible>
            <JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <!-- Detailed trim warnings for every assembly, so the test can tell whose code each one is about. -->
            <TrimmerSingleWarn>false</TrimmerSingleWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="HighPerf.Generators" Version="{version}" />
            <PackageReference Include="Microsoft.Extensions.Caching.Memory" Version="10.0.13" />
            <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.13" />
          </ItemGroup>
        </Project>
        """;

    private const string Program = """
        using System.Diagnostics.Metrics;
        using System.Text.Json.Serialization;
        using AotConsumer;
        using HighPerf;
        using Microsoft.Extensions.DependencyInjection;

        // Counts L2 hits as the HighPerf meter reports them: the proof that the last call was read back from L2.
        long l2Hits = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == "HighPerf" && instrument.Name == "highperf.cache.hits")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "highperf.cache.tier", Value: "l2" })
                {
                    Interlocked.Add(ref l2Hits, value);
                }
            }
        });
        listener.Start();

        var services = new ServiceCollection();
        services.AddDistributedMemoryCache();
        services.AddHybridCache();
        services.AddHighPerfCaching();
        await using var provider = services.BuildServiceProvider();
        await provider.StartHighPerfCachingAsync();

        var catalog = new Catalog();
        await catalog.GetProductAsync(7);
        // MaxEntries = 1: these two push product 7 out of L1; it stays in L2.
        await catalog.GetProductAsync(8);
        await catalog.GetProductAsync(9);
        Product? again = await catalog.GetProductAsync(7);

        Console.WriteLine($"product: {again}");
        Console.WriteLine($"implementation calls: {catalog.Calls}");
        Console.WriteLine($"l2 hits: {Interlocked.Read(ref l2Hits)}");

        namespace AotConsumer
        {
            public sealed record Product(long Id, string Name, decimal Price);

            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
            [JsonSerializable(typeof(Product))]
            internal sealed partial class AppJsonContext : JsonSerializerContext;

            [CacheJsonContext(typeof(AppJsonContext))]
            public sealed partial class Catalog
            {
                private int _calls;

                public int Calls => _calls;

                [Cached(DurationSeconds = 300, MaxEntries = 1)]
                public partial ValueTask<Product?> GetProductAsync(long id);

                private ValueTask<Product?> GetProductAsyncCore(long id)
                {
                    Interlocked.Increment(ref _calls);
                    return new ValueTask<Product?>(new Product(id, "product " + id, 9.90m));
                }
            }
        }
        """;
}
