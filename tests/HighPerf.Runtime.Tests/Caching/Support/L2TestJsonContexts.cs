using System.Text.Json.Serialization;

namespace HighPerf.Runtime.Tests.Caching.Support;

public sealed record Gadget(long GadgetId, string DisplayName);

/// <summary>A value type that no test context lists.</summary>
public sealed record Unlisted(int Number);

/// <summary>snake_case: a payload with <c>gadget_id</c> proves this context's metadata wrote it, not reflection's.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Gadget))]
[JsonSerializable(typeof(string))]
internal sealed partial class SnakeCaseJsonContext : JsonSerializerContext;

/// <summary>kebab-case: stands for a resolver the application registered with AddJsonTypeInfoResolver.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower)]
[JsonSerializable(typeof(Gadget))]
internal sealed partial class KebabCaseJsonContext : JsonSerializerContext;
