using HighPerf.Generators.Model;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Parsing;

/// <summary>
/// The assembly-level <c>[CacheJsonContext]</c>, the default for methods whose types name none. It is read once per
/// compilation into an equatable <see cref="JsonContextModel"/>, so an edit elsewhere leaves the method plans cached.
/// </summary>
internal static class AssemblyJsonContextParser
{
    public static JsonContextModel Parse(Compilation compilation) =>
        CacheJsonContextLookup.FindOnAssembly(compilation.Assembly) is { } attribute
            ? CachedModelParser.JsonContext(attribute)
            : JsonContextModel.None;

    /// <summary>
    /// Fills in the assembly's context where the method's types named none. Null (emit nothing) when that context is
    /// invalid: the analyzer reports it on the attribute.
    /// </summary>
    public static MethodPlan? Apply(MethodPlan plan, JsonContextModel assemblyContext)
    {
        if (plan.Cached is not { Distributed: true, JsonContext: null } cached)
        {
            return plan;
        }

        return assemblyContext.IsInvalid ? null : plan with { Cached = cached with { JsonContext = assemblyContext } };
    }
}
