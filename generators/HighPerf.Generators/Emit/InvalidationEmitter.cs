using System.Linq;
using HighPerf.Generators.Model;

namespace HighPerf.Generators.Emit;

/// <summary>
/// The <c>[InvalidatesCache]</c> stage: a helper with the method's signature that runs the implementation and, once
/// it has completed successfully, removes each target's entry (L1, L2 and backplane). Nothing is removed when the
/// implementation throws.
/// </summary>
internal static class InvalidationEmitter
{
    /// <summary>The call of the helper, an expression of the method's return type.</summary>
    public static string HelperCall(MethodModel method) =>
        (method.IsStatic ? "" : "this.") + CacheMemberNames.Invalidating(method) + "(" + StageCall.Arguments(method) + ")";

    public static void WriteHelper(SourceWriter writer, MethodModel method, EquatableArray<InvalidationTargetModel> targets)
    {
        bool isAsync = method.ReturnKind is not (ReturnKind.Void or ReturnKind.Value);
        bool hasResult = method.ReturnKind is ReturnKind.Value or ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT;

        writer.WriteLine();
        writer.WriteLine(Names.GeneratedCode);
        if (method.ReturnKind is ReturnKind.ValueTask or ReturnKind.ValueTaskOfT)
        {
            string builder = method.ReturnKind == ReturnKind.ValueTaskOfT ? Names.PoolingValueTaskBuilder + "<>" : Names.PoolingValueTaskBuilder;
            writer.WriteLine($"[{Names.AsyncMethodBuilder}(typeof({builder}))]");
        }

        string modifiers = "private " + (method.IsStatic ? "static " : "") + (isAsync ? "async " : "");
        writer.OpenBlock($"{modifiers}{method.ReturnType} {CacheMemberNames.Invalidating(method)}({StageCall.ParameterList(method)})");

        // Same-type keys are taken before the implementation runs, which may change the key members it reads.
        // Another type's key is made of parameters only, which the implementation cannot reassign.
        for (int i = 0; i < targets.Count; i++)
        {
            InvalidationTargetModel target = targets[i];
            if (target.OtherType is null)
            {
                writer.WriteLine($"{CacheMemberNames.Key(target.TargetMemberSuffix)} __key{i} = new({string.Join(", ", target.KeyArguments)});");
            }
        }

        string implementation = StageCall.Implementation(method) + (isAsync ? ".ConfigureAwait(false)" : "");
        string awaitKeyword = isAsync ? "await " : "";
        writer.WriteLine(hasResult ? $"var __result = {awaitKeyword}{implementation};" : $"{awaitKeyword}{implementation};");

        // The change has happened: removal must not be skipped because the caller's token fires now.
        for (int i = 0; i < targets.Count; i++)
        {
            string removal = Removal(targets[i], i);
            writer.WriteLine(isAsync ? $"await {removal}.ConfigureAwait(false);" : $"{Names.SyncInvalidation}.Wait({removal});");
        }

        if (hasResult)
        {
            writer.WriteLine("return __result;");
        }

        writer.CloseBlock();
    }

    private static string Removal(InvalidationTargetModel target, int index)
    {
        if (target.OtherType is null)
        {
            return $"{CacheMemberNames.Cache(target.TargetMemberSuffix)}.RemoveAsync(__key{index}, default)";
        }

        var arguments = target.KeyArguments.Append("default");
        return $"{target.OtherType}.{CacheMemberNames.Invalidator(target.TargetMemberSuffix)}({string.Join(", ", arguments)})";
    }
}
