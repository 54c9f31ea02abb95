using HighPerf.Generators.Model;

namespace HighPerf.Generators.Emit;

/// <summary>
/// Names of the members generated for a cached method. [InvalidatesCache] methods of the same type reach a cached
/// method's key type and cache field through these, knowing only its member suffix.
/// </summary>
internal static class CacheMemberNames
{
    public static string Key(string memberSuffix) => "__HighPerf_" + memberSuffix + "_Key";

    public static string Cache(string memberSuffix) => "__HighPerf_" + memberSuffix + "_Cache";

    public static string State(MethodModel method) => "__HighPerf_" + method.MemberSuffix + "_State";

    public static string FormatKey(MethodModel method) => "__HighPerf_" + method.MemberSuffix + "_FormatKey";

    public static string FormatTags(MethodModel method) => "__HighPerf_" + method.MemberSuffix + "_FormatTags";

    public static string Invalidating(MethodModel method) => "__HighPerf_" + method.MemberSuffix + "_Invalidating";

    /// <summary>The public removal API: <c>InvalidateGetProductAsync</c>.</summary>
    public static string InvalidateApi(MethodModel method) => "Invalidate" + method.Name.TrimStart('@');
}
