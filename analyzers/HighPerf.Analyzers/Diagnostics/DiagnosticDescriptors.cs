using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Diagnostics;

/// <summary>
/// The one registry of every diagnostic this package reports. Ids are never reused: a retired id stays
/// here as a comment. Every id has docs/diagnostics/&lt;ID&gt;.md and a line in AnalyzerReleases.*.md
/// (a test checks both).
/// HP0xxx: attribute and generator usage (this file). HP1xxx: SQL (DiagnosticDescriptors.Sql.cs).
/// </summary>
internal static partial class DiagnosticDescriptors
{
    internal const string UsageCategory = "HighPerf.Usage";
    internal const string SqlCategory = "HighPerf.Sql";
    internal const string PerformanceCategory = "HighPerf.Performance";

    internal const string HelpLinkBase = "https://github.com/highperf-generators/highperf-generators/blob/main/docs/diagnostics/";

    // HP0001-HP0010 mirror ShapeProblemKind (see ShapeProblemDescriptors); HP0011-HP0012 are [TrackPerformance] checks.

    internal static readonly DiagnosticDescriptor NotPartialDeclaration = Create(
        "HP0001",
        "Pipeline method must be a partial declaration",
        "'{0}' has a pipeline attribute, so the generator must write its body; make it a partial declaration and move the body to '{1}'",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Methods marked with [TrackPerformance] or another pipeline-stage attribute are partial declarations without a body. The generator writes the body, which runs the stages and then calls the implementation method that holds your code. The code fix does the rewrite in one step.");

    internal static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
        "HP0002",
        "Type containing a pipeline method must be partial",
        "'{0}' contains a pipeline method, so the generator must add to it; add the 'partial' modifier to '{0}'",
        UsageCategory,
        DiagnosticSeverity.Error,
        "The generated method body is emitted into another part of the containing type, so that type and every type it is nested in must be declared partial.");

    internal static readonly DiagnosticDescriptor UnsupportedContainingType = Create(
        "HP0003",
        "Pipeline method declared in an unsupported type",
        "Pipeline methods cannot be declared in '{0}', which is an {1}; declare them in a partial class, record or struct",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Pipeline methods need a generated body and per-method static state, which only classes, records and structs can hold.");

    internal static readonly DiagnosticDescriptor GenericMethod = Create(
        "HP0004",
        "Pipeline method cannot be generic",
        "'{0}' has type parameters, which pipeline methods do not support; remove them or move them to the containing type",
        UsageCategory,
        DiagnosticSeverity.Error,
        "The generated instruments and stages are created once per method; a generic method would share them across every type argument. Make the containing type generic instead.");

    internal static readonly DiagnosticDescriptor ByRefParameter = Create(
        "HP0005",
        "Pipeline method parameter cannot be passed by reference",
        "Parameter '{0}' is declared '{1}', which a pipeline method cannot pass through its stages; pass it by value and return the result instead",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Stages may run the implementation later (after an await, from a batch) or not at all (a cache hit), so ref, out, in and ref readonly parameters cannot be forwarded safely.");

    internal static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        "HP0006",
        "Unsupported return type for a pipeline method",
        "'{0}' cannot be returned from a pipeline method; return void, a value, Task, Task<T>, ValueTask or ValueTask<T>",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Ref returns, IAsyncEnumerable<T> and custom awaitables cannot be measured or cached correctly: the call would end before the work it stands for.");

    internal static readonly DiagnosticDescriptor ImplementationMissing = Create(
        "HP0007",
        "Implementation method is missing",
        "'{0}' calls its implementation method '{1}', which does not exist; add the method '{2}' and write the body there",
        UsageCategory,
        DiagnosticSeverity.Error,
        "The generated body ends by calling the implementation method, named <Method>Core unless the attribute's Implementation property names another method. It must have the same parameters and return type.");

    internal static readonly DiagnosticDescriptor ImplementationSignatureMismatch = Create(
        "HP0008",
        "Implementation method does not match the pipeline method",
        "'{0}' cannot be the implementation of '{1}'; declare it as '{2}' (same parameter types and ref kinds, same return type, static only if '{1}' is, no type parameters)",
        UsageCategory,
        DiagnosticSeverity.Error,
        "The generated body forwards every argument to the implementation method and returns its result unchanged, so the signatures must match exactly.");

    internal static readonly DiagnosticDescriptor ConflictingImplementationNames = Create(
        "HP0009",
        "Pipeline attributes name different implementation methods",
        "The pipeline attributes on '{0}' name different implementation methods ({1}); set Implementation on one attribute only, or to the same name on all",
        UsageCategory,
        DiagnosticSeverity.Error,
        "A method has one pipeline and one implementation method, so every stage attribute on it must agree on the Implementation name.");

    internal static readonly DiagnosticDescriptor ImplementationWrittenByHand = Create(
        "HP0010",
        "Pipeline method has a hand-written implementing part",
        "'{0}' is a pipeline method, so the generator writes its implementing part; delete this one and move its body to '{1}'",
        UsageCategory,
        DiagnosticSeverity.Error,
        "A partial method can have only one implementing part. For pipeline methods it is generated; your code goes in the implementation method the generated part calls.");

    internal static readonly DiagnosticDescriptor SlowThresholdWithoutLogger = Create(
        "HP0011",
        "Slow-call threshold set but no logger found",
        "'{0}' sets SlowThresholdMilliseconds = {1}, but '{2}' has no ILogger to log slow calls through, so they are only measured; add {3} to '{2}', or remove SlowThresholdMilliseconds",
        UsageCategory,
        DiagnosticSeverity.Warning,
        "Slow calls are logged through an ILogger found on the containing type: a field, then a property, then a primary-constructor parameter (static members only, for a static method). Without one, the threshold has no effect.");

    internal static readonly DiagnosticDescriptor NegativeSlowThreshold = Create(
        "HP0012",
        "Slow-call threshold cannot be negative",
        "SlowThresholdMilliseconds is {0}; use a positive number of milliseconds, or 0 to turn slow-call logging off",
        UsageCategory,
        DiagnosticSeverity.Error,
        "A negative threshold has no meaning, so the generator does not generate the method until it is fixed.");

    /// <summary>Builds a descriptor whose help link is the id's page under docs/diagnostics.</summary>
    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        bool isEnabledByDefault = true) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault, description, HelpLinkBase + id + ".md");
}
