namespace HighPerf.Generators.Model;

/// <summary>One field of a cached method's generated key struct: a parameter or a <c>KeyMembers</c> member.</summary>
/// <param name="Type">Fully qualified type with nullable annotations.</param>
/// <param name="FieldName">The key struct's positional member (the escaped parameter name, or <c>This_Member</c>).</param>
/// <param name="TemplateName">The name tag templates use for it: <c>{id}</c>, <c>{TenantId}</c>.</param>
/// <param name="ValueExpression">How the method body reads it: the parameter, or <c>this.TenantId</c>.</param>
/// <param name="Format">How <c>FormatKey</c> and tag templates write it.</param>
internal sealed record CacheKeyPartModel(
    string Type,
    string FieldName,
    string TemplateName,
    string ValueExpression,
    bool IsMember,
    CacheKeyFormat Format);

/// <summary>How a key part is written into a formatted (L2/backplane) key or a tag.</summary>
internal enum CacheKeyFormat
{
    /// <summary>Invariant-culture interpolation: numbers, Guid, TimeSpan, enums, records...</summary>
    Invariant,

    /// <summary>Text, escaped so that separators inside it cannot make two keys collide.</summary>
    Text,

    /// <summary>DateTime and DateTimeOffset: round-trip <c>O</c> format, which keeps every tick.</summary>
    RoundTrip,
}
