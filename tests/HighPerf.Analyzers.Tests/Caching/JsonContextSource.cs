namespace HighPerf.Analyzers.Tests.Caching;

/// <summary>
/// Test sources for the [CacheJsonContext] rules. Contexts are written out (the System.Text.Json generator does not
/// run here), with [JsonSerializable] attributes as users write them; [Cached] methods have bodies so the source
/// compiles without our generator.
/// </summary>
internal static class JsonContextSource
{
    public const string Header = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading.Tasks;
        using HighPerf;

        namespace Shop;

        public sealed record Product(long Id, string Name);

        public abstract class WrittenOutContext : JsonSerializerContext
        {
            protected WrittenOutContext() : base(null) { }
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        """;
}
