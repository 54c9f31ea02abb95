namespace HighPerf.Generators.Model;

/// <summary>One <c>[InvalidatesCache]</c> target: the cached method's members and the key built from this method.</summary>
/// <param name="OtherType">Fully qualified type declaring the cached method (closed when generic), or null when it is
/// the invalidating method's own type.</param>
/// <param name="TargetMemberSuffix">The cached method's member suffix; its key type, cache field and accessor derive from it.</param>
/// <param name="KeyArguments">C# expressions for the key: the key struct's constructor arguments in its field order
/// (same type), or the accessor's arguments, which are the key parameters (another type).</param>
internal sealed record InvalidationTargetModel(string? OtherType, string TargetMemberSuffix, EquatableArray<string> KeyArguments);
