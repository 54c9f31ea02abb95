using Xunit;
using System.Text.Json.Serialization;

namespace HighPerf.Runtime.Tests.Distributed.Support;

public sealed record Product(long Id, string Name, decimal Price);

/// <summary>A value whose serialization always fails, to drive the serialization failure path.</summary>
public sealed class Unserializable
{
    public string Value => throw new InvalidOperationException("This property cannot be read.");
}

[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(Unserializable))]
[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
