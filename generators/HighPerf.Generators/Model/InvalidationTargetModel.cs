namespace HighPerf.Generators.Model;

/// <summary>One <c>[InvalidatesCache]</c> target: the cached method's members and the key built from this method.</summary>
/// <param name="TargetMemberSuffix">The cached method's member suffix; its key type and cache field derive from it.</param>
/// <param name="KeyArguments">C# expressions for the key struct's constructor, in its field order.</param>
internal sealed record InvalidationTargetModel(string TargetMemberSuffix, EquatableArray<string> KeyArguments);
