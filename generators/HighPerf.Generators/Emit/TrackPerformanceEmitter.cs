using HighPerf.Generators.Model;

namespace HighPerf.Generators.Emit;

/// <summary>
/// The <c>[TrackPerformance]</c> stage: a static <c>MethodTelemetry</c> per method, a body that measures the
/// next stage's call, and, for async returns, a helper that completes the measurement when the task does.
/// </summary>
internal static class TrackPerformanceEmitter
{
    public static void WriteFields(SourceWriter writer, MethodModel method, TrackPerformanceModel model)
    {
        writer.WriteLine(Names.GeneratedCode);
        writer.WriteLine(
            $"private static readonly {Names.MethodTelemetry} {TelemetryField(method)} = new(\"{method.DisplayName}\", {model.SlowThresholdMilliseconds});");
        writer.WriteLine();
    }

    public static void WriteBody(SourceWriter writer, MethodModel method, TrackPerformanceModel model, string innerCall)
    {
        string logger = model.LoggerExpression ?? "";
        string failed = model.LoggerExpression is null ? "__scope.Failed(__exception);" : $"__scope.Failed(__exception, {logger});";

        writer.WriteLine($"{Names.MethodCallScope} __scope = {TelemetryField(method)}.Start();");
        string target = method.ReturnKind switch
        {
            ReturnKind.Void => "",
            ReturnKind.Value => "__result = ",
            _ => "__pending = ",
        };
        if (method.ReturnKind == ReturnKind.Value)
        {
            writer.WriteLine($"{method.ReturnType} __result;");
        }
        else if (method.ReturnKind != ReturnKind.Void)
        {
            writer.WriteLine($"{method.ReturnType} __pending;");
        }

        writer.WriteLine($$"""
            try
            {
                {{target}}{{innerCall}};
            }
            catch ({{Names.Exception}} __exception)
            {
                {{failed}}
                throw;
            }
            """);

        switch (method.ReturnKind)
        {
            case ReturnKind.Void:
                writer.WriteLine($"__scope.Succeeded({logger});");
                break;
            case ReturnKind.Value:
                writer.WriteLine($"""
                    __scope.Succeeded({logger});
                    return __result;
                    """);
                break;
            default:
                // A task that already completed needs no continuation: record now and hand it back as is.
                string loggerArgument = model.LoggerExpression is null ? "" : ", " + logger;
                writer.WriteLine($$"""
                    if (__pending.IsCompletedSuccessfully)
                    {
                        __scope.Succeeded({{logger}});
                        return __pending;
                    }

                    return {{AwaitHelper(method)}}(__pending, __scope{{loggerArgument}});
                    """);
                break;
        }
    }

    public static void WriteHelpers(SourceWriter writer, MethodModel method, TrackPerformanceModel model)
    {
        if (method.ReturnKind is ReturnKind.Void or ReturnKind.Value)
        {
            return;
        }

        bool hasResult = method.ReturnKind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT;
        string loggerParameter = model.LoggerExpression is null ? "" : $", {Names.ILogger}? logger";
        string loggerArgument = model.LoggerExpression is null ? "" : "logger";

        writer.WriteLine();
        writer.WriteLine(Names.GeneratedCode);
        if (method.ReturnKind is ReturnKind.ValueTask or ReturnKind.ValueTaskOfT)
        {
            // Pooled state machines: a ValueTask method that completes asynchronously allocates nothing
            // per call in steady state, unlike the default builder's box.
            string builder = hasResult ? Names.PoolingValueTaskBuilder + "<>" : Names.PoolingValueTaskBuilder;
            writer.WriteLine($"[{Names.AsyncMethodBuilder}(typeof({builder}))]");
        }

        string loggerSuffix = model.LoggerExpression is null ? "" : ", logger";
        writer.OpenBlock($"private static async {method.ReturnType} {AwaitHelper(method)}({method.ReturnType} pending, {Names.MethodCallScope} scope{loggerParameter})");
        writer.OpenBlock("try");
        writer.WriteLine((hasResult ? "var result = " : "") + "await pending.ConfigureAwait(false);");
        writer.WriteLine($"scope.Succeeded({loggerArgument});");
        if (hasResult)
        {
            writer.WriteLine("return result;");
        }

        writer.CloseBlock();
        writer.OpenBlock($"catch ({Names.Exception} exception)");
        writer.WriteLine($"scope.Failed(exception{loggerSuffix});");
        writer.WriteLine("throw;");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static string TelemetryField(MethodModel method) => "__HighPerf_" + method.MemberSuffix + "_Telemetry";

    private static string AwaitHelper(MethodModel method) => "__HighPerf_" + method.MemberSuffix + "_AwaitTracked";
}
