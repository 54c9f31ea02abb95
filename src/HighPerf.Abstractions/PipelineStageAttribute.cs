using System;

namespace HighPerf;

/// <summary>
/// Base of every attribute that adds a stage to a generated method pipeline.
/// </summary>
/// <remarks>
/// The annotated method must be a <c>partial</c> declaration without a body; the generator writes its body.
/// Your own code lives in an implementation method with the same parameters and return type, named
/// <c>&lt;MethodName&gt;Core</c> unless <see cref="Implementation"/> names another method.
/// Stages always run in this order, outermost first:
/// <c>[TrackPerformance]</c>, <c>[Cached]</c>, <c>[Prioritized]</c>, <c>[Batched]</c>, then the implementation.
/// </remarks>
public abstract class PipelineStageAttribute : Attribute
{
    /// <summary>
    /// The name of the method that holds the real body. Defaults to <c>&lt;MethodName&gt;Core</c>.
    /// When several stage attributes sit on one method, they must agree (or leave it unset).
    /// </summary>
    public string? Implementation { get; set; }
}
