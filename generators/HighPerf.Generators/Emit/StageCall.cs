using System.Linq;
using HighPerf.Generators.Model;

namespace HighPerf.Generators.Emit;

/// <summary>Expressions that call the next stage of a method pipeline.</summary>
internal static class StageCall
{
    /// <summary>The call of the user's implementation method: the innermost stage.</summary>
    public static string Implementation(MethodModel method) =>
        (method.IsStatic ? "" : "this.") + method.ImplementationName + "(" + Arguments(method) + ")";

    public static string Arguments(MethodModel method) => string.Join(", ", method.Parameters.Select(p => p.Name));

    public static string ParameterList(MethodModel method) =>
        string.Join(", ", method.Parameters.Select(p => (p.IsThis ? "this " : "") + (p.IsParams ? "params " : "") + p.Type + " " + p.Name));
}
