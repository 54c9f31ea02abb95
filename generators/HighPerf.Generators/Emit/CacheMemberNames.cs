using HighPerf.Generators.Model;

namespace HighPerf.Generators.Emit;

/// <summary>
/// Names of the members generated for a cached method. [InvalidatesCache] methods reach a cached method's key type
/// and cache field (same type) or its removal accessor (another type) through these, knowing only its member suffix.
/// </summary>
internal static class CacheMemberNames
{
    public static string Key(string memberSuffix) => "__HighPerf_" + memberSuffix + "_Key";

    public static string Cache(string memberSuffix) => "__HighPerf_" + memberSuffix + "_Cache";

    public static string State(MethodModel method) => "__HighPerf_" + method.MemberSuffix + "_State";

    public static string FormatKey(MethodModel method) => "__HighPerf_" + method.MemberSuffix + "_FormatKey";

    public static string FormatTags(MethodModel method) => "__HighPerf_" + method.MemberSuffix + "_FormatTags";

    public static string Invalidating(MethodModel method) => "__HighPerf_" + method.MemberSuffix + "_Invalidating";

    /// <summary>
    /// The removal accessor that [InvalidatesCache] methods of other types call: static, with the cached method's
    /// accessibility, and a reserved name, so unlike <see cref="InvalidateApi"/> it never clashes with a user member.
    /// </summary>
    public static string Invalidator(string memberSuffix) => "__HighPerf_" + memberSuffix + "_Invalidate";

    /// <summary>The public removal API: <c>InvalidateGetProductAsync</c>.</summary>
    public static string InvalidateApi(MethodModel method) => "Invalidate" + method.Name.TrimStart('@');
}
