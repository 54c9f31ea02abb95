using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>Tells our generated implementing parts from ones a user wrote.</summary>
internal static class GeneratedCodeMarker
{
    /// <summary>Generated trees live under a path that names the generator type.</summary>
    public const string GeneratorPathSegment = "HighPerf.Generators.PipelineGenerator";

    public static bool IsOurs(IMethodSymbol implementationPart)
    {
        foreach (SyntaxReference reference in implementationPart.DeclaringSyntaxReferences)
        {
            if (!reference.SyntaxTree.FilePath.Contains(GeneratorPathSegment))
            {
                return false;
            }
        }

        return true;
    }
}
