namespace HighPerf.Generators.Model;

/// <summary>A parameter of the annotated method, as it must be re-declared and passed on.</summary>
/// <param name="Type">Fully qualified type with nullable annotations.</param>
/// <param name="Name">Escaped identifier (<c>@class</c> when it is a keyword).</param>
/// <param name="IsParams">Declared with <c>params</c> (the implementing part must repeat it).</param>
/// <param name="IsThis">The receiver of an extension method (the implementing part must repeat <c>this</c>).</param>
/// <param name="IsCancellationToken">A <c>CancellationToken</c>: never part of a cache key.</param>
internal sealed record ParameterModel(string Type, string Name, bool IsParams, bool IsThis, bool IsCancellationToken);
