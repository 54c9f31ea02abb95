using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HighPerf.Generators.Model;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis.CSharp;

namespace HighPerf.Generators.Emit;

/// <summary>
/// The <c>[Cached]</c> stage: a key struct, a static <c>CachedMethod</c> with the attribute's policy, the key and tag
/// formatters, the type-safe removal API, and the call that goes through the cache to the implementation.
/// </summary>
internal static class CachedEmitter
{
    public static void WriteMembers(SourceWriter writer, MethodModel method, CachedModel model)
    {
        string key = CacheMemberNames.Key(method.MemberSuffix);
        string keyFields = string.Join(", ", model.KeyParts.Select(p => p.Type + " " + p.FieldName));

        writer.WriteLine(Names.GeneratedCode);
        writer.WriteLine($"private readonly record struct {key}({keyFields});");
        writer.WriteLine();

        if (model.CarriedParameters.Count > 0)
        {
            // Non-key arguments reach the implementation through the factory state: the factory is a static lambda.
            var fields = new List<string>();
            if (!method.IsStatic)
            {
                fields.Add(SelfType(method) + " __self");
            }

            fields.AddRange(model.CarriedParameters.Select(name => ParameterType(method, name) + " " + name));
            writer.WriteLine(Names.GeneratedCode);
            writer.WriteLine($"private readonly record struct {CacheMemberNames.State(method)}({string.Join(", ", fields)});");
            writer.WriteLine();
        }

        WriteCacheField(writer, method, model, key);
        if (model.Distributed)
        {
            WriteFormatKey(writer, method, model, key);
        }

        if (model.Tags.Count > 0)
        {
            WriteFormatTags(writer, method, model, key);
        }

        WriteInvalidateApi(writer, method, model, key);
    }

    /// <summary>The expression that returns the method's result through the cache (it has the method's return type).</summary>
    public static string CacheCall(MethodModel method, CachedModel model)
    {
        string cache = CacheMemberNames.Cache(method.MemberSuffix);
        string keyArguments = string.Join(", ", model.KeyParts.Select(p => p.ValueExpression));
        string newKey = $"new {CacheMemberNames.Key(method.MemberSuffix)}({keyArguments})";
        string state = State(method, model);
        string factory = Factory(method, model);

        string token = method.Parameters.FirstOrDefault(p => p.IsCancellationToken)?.Name ?? "default";
        return method.ReturnKind switch
        {
            ReturnKind.Value => $"{cache}.GetOrCreate({newKey}, {state}, static (__state, __key) => {factory})",
            ReturnKind.TaskOfT => $"{cache}.GetOrCreateTaskAsync({newKey}, {state}, static (__state, __key, __cancellationToken) => {factory}, {token})",
            _ => $"{cache}.GetOrCreateAsync({newKey}, {state}, static (__state, __key, __cancellationToken) => {factory}, {token})",
        };
    }

    private static void WriteCacheField(SourceWriter writer, MethodModel method, CachedModel model, string key)
    {
        CachePolicyModel policy = model.Policy;
        var options = new List<string>
        {
            $"MethodName = {model.MethodNameExpression},",
            $"Duration = {Seconds(policy.DurationSeconds)},",
        };
        AddIf(options, policy.SlidingSeconds > 0, $"SlidingExpiration = {Seconds(policy.SlidingSeconds)},");
        AddIf(options, policy.MaxEntries > 0, $"MaxEntries = {policy.MaxEntries.ToString(CultureInfo.InvariantCulture)},");
        AddIf(options, policy.JitterPercent > 0, $"JitterFraction = {Fraction(policy.JitterPercent)},");
        AddIf(options, !policy.CacheNull, "CacheNull = false,");
        AddIf(options, policy.NegativeCacheSeconds > 0, $"NegativeCacheDuration = {Seconds(policy.NegativeCacheSeconds)},");
        AddIf(options, policy.FailSafeSeconds > 0, $"FailSafeWindow = {Seconds(policy.FailSafeSeconds)},");
        AddIf(options, policy.EagerRefreshPercent > 0, $"EagerRefreshThreshold = {Fraction(policy.EagerRefreshPercent)},");
        AddIf(options, model.Distributed, $"FormatKey = {CacheMemberNames.FormatKey(method)},");
        AddIf(options, model.Tags.Count > 0, $"FormatTags = {CacheMemberNames.FormatTags(method)},");
        if (model.Distributed && model.JsonContext?.TypeName is { } jsonContext)
        {
            // The System.Text.Json generator's Default instance: its GetTypeInfo is a switch, no reflection. The
            // runtime asks it for the value type on first L2 use, so a type it lacks never fails this initializer.
            options.Add($"JsonContext = {jsonContext}.Default,");
        }

        writer.WriteLine(Names.GeneratedCode);
        writer.WriteLine($"private static readonly {Names.CachedMethod}<{key}, {method.ResultType}> {CacheMemberNames.Cache(method.MemberSuffix)} = new(new {Names.CachedMethodOptions}<{key}>");
        writer.OpenBlock();
        foreach (string option in options)
        {
            writer.WriteLine(option);
        }

        writer.CloseBlock(");");
        writer.WriteLine();
    }

    /// <summary><c>Namespace.Type.Method(part,part)</c>, invariant culture: the L2 key and the backplane address.</summary>
    private static void WriteFormatKey(SourceWriter writer, MethodModel method, CachedModel model, string key)
    {
        string parts = string.Join(",", model.KeyParts.Select(part => part.Format switch
        {
            // Parenthesized: a "::" inside an interpolation hole would start a format string.
            CacheKeyFormat.Text => $"{{({Names.CacheKeyText}.Escape(key.{part.FieldName}))}}",
            CacheKeyFormat.RoundTrip => $"{{key.{part.FieldName}:O}}",
            _ => $"{{key.{part.FieldName}}}",
        }));
        writer.WriteLine(Names.GeneratedCode);
        writer.WriteLine($"private static string {CacheMemberNames.FormatKey(method)}({key} key) =>");
        writer.WriteLine($"    {Names.String}.Create({Names.InvariantCulture}, $\"{{{CacheMemberNames.Cache(method.MemberSuffix)}.MethodName}}({parts})\");");
        writer.WriteLine();
    }

    private static void WriteFormatTags(SourceWriter writer, MethodModel method, CachedModel model, string key)
    {
        writer.WriteLine(Names.GeneratedCode);
        writer.WriteLine($"private static string[] {CacheMemberNames.FormatTags(method)}({key} key) =>");
        writer.WriteLine($"    [{string.Join(", ", model.Tags.Select(tag => TagExpression(tag, model)))}];");
        writer.WriteLine();
    }

    private static string TagExpression(string template, CachedModel model)
    {
        var segments = TagTemplate.Split(template).ToList();
        if (segments.TrueForAll(s => !s.IsPlaceholder))
        {
            return SymbolDisplay.FormatLiteral(template, quote: true);
        }

        string content = string.Concat(segments.Select(segment =>
        {
            if (!segment.IsPlaceholder)
            {
                return SymbolDisplay.FormatLiteral(segment.Text, quote: false);
            }

            CacheKeyPartModel part = model.KeyParts.First(p => p.TemplateName == segment.Text);
            return part.Format == CacheKeyFormat.RoundTrip ? $"{{key.{part.FieldName}:O}}" : $"{{key.{part.FieldName}}}";
        }));
        return $"{Names.String}.Create({Names.InvariantCulture}, $\"{content}\")";
    }

    private static void WriteInvalidateApi(SourceWriter writer, MethodModel method, CachedModel model, string key)
    {
        var keyParameters = model.KeyParts.Where(p => !p.IsMember).Select(p => p.Type + " " + p.FieldName).ToList();
        string keyArguments = string.Join(", ", model.KeyParts.Select(p => p.ValueExpression));
        string removal = $"    {CacheMemberNames.Cache(method.MemberSuffix)}.RemoveAsync(new {key}({keyArguments}), cancellationToken);";

        // Skipped when a member of the type already has its signature (HP0114 says which): the cache works without it.
        if (model.HasInvalidateApi)
        {
            writer.WriteLine($"""
                /// <summary>
                /// Removes the cached result of <c>{method.Name.TrimStart('@')}</c> for these arguments from this process, the L2 tier
                /// and, through the backplane, every other node. The next call runs the implementation again.
                /// </summary>
                """);
            writer.WriteLine(Names.GeneratedCode);
            string parameters = string.Join(", ", keyParameters.Append($"{Names.CancellationToken} cancellationToken = default"));
            writer.WriteLine($"{model.ApiModifiers} {Names.ValueTask} {CacheMemberNames.InvalidateApi(method)}({parameters}) =>");
            writer.WriteLine(removal);
            writer.WriteLine();
        }

        // Instance key members can only be read on an instance, so other types cannot invalidate such a method.
        if (model.KeyIsStatic)
        {
            writer.WriteLine($"/// <summary>Removes one entry of <c>{method.Name.TrimStart('@')}</c> everywhere; called by [InvalidatesCache] methods of other types.</summary>");
            writer.WriteLine(Names.GeneratedCode);
            writer.WriteLine(Names.EditorBrowsableNever);
            string parameters = string.Join(", ", keyParameters.Append($"{Names.CancellationToken} cancellationToken"));
            writer.WriteLine($"{model.ApiModifiers} {Names.ValueTask} {CacheMemberNames.Invalidator(method.MemberSuffix)}({parameters}) =>");
            writer.WriteLine(removal);
            writer.WriteLine();
        }
    }

    private static string State(MethodModel method, CachedModel model)
    {
        if (model.CarriedParameters.Count == 0)
        {
            return method.IsStatic ? "(object?)null" : "this";
        }

        string self = method.IsStatic ? "" : "this, ";
        return $"new {CacheMemberNames.State(method)}({self}{string.Join(", ", model.CarriedParameters)})";
    }

    /// <summary>The factory lambda's body: the implementation call, adapted to <c>Cacheable&lt;T&gt;</c> when it returns plain T.</summary>
    private static string Factory(MethodModel method, CachedModel model)
    {
        bool isAsync = method.ReturnKind != ReturnKind.Value;
        string target = method.IsStatic ? "" : model.CarriedParameters.Count == 0 ? "__state." : "__state.__self.";
        IEnumerable<string> arguments = method.Parameters.Select(parameter =>
            model.KeyParts.Any(p => !p.IsMember && p.FieldName == parameter.Name) ? "__key." + parameter.Name
            : isAsync && parameter.IsCancellationToken ? "__cancellationToken"
            : "__state." + parameter.Name);
        string call = $"{target}{method.ImplementationName}({string.Join(", ", arguments)})";

        return (method.ReturnKind, model.ImplementationReturnsCacheable) switch
        {
            (ReturnKind.Value, false) => $"{Names.Cacheable}.Of({call})",
            (ReturnKind.TaskOfT, true) => $"new {Names.ValueTask}<{Names.Cacheable}<{method.ResultType}>>({call})",
            (_, false) => $"{Names.CacheableTask}.From({call})",
            _ => call,
        };
    }

    private static string SelfType(MethodModel method) => method.ContainingTypes[method.ContainingTypes.Count - 1].NameWithTypeParameters;

    private static string ParameterType(MethodModel method, string name) => method.Parameters.First(p => p.Name == name).Type;

    private static string Seconds(int seconds) => $"{Names.TimeSpan}.FromSeconds({seconds.ToString(CultureInfo.InvariantCulture)})";

    private static string Fraction(int percent) => (percent / 100.0).ToString("R", CultureInfo.InvariantCulture);

    private static void AddIf(List<string> options, bool condition, string option)
    {
        if (condition)
        {
            options.Add(option);
        }
    }
}
