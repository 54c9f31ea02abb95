using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>Reads the pipeline-stage attributes (<c>HighPerf.PipelineStageAttribute</c> subclasses) on a method.</summary>
internal static class StageAttributes
{
    /// <summary>The distinct non-empty <c>Implementation</c> values, in attribute order.</summary>
    public static List<string> ImplementationNames(IMethodSymbol method)
    {
        var names = new List<string>();
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (!TypeNames.InheritsFrom(attribute.AttributeClass, KnownNames.PipelineStageAttribute))
            {
                continue;
            }

            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (argument.Key == "Implementation" && argument.Value.Value is string { Length: > 0 } name && !names.Contains(name))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    /// <summary>
    /// True when <paramref name="stageAttribute"/> is the outermost stage on the method. Each stage has its own
    /// pipeline, and only the outermost one emits the method, so a method is generated exactly once.
    /// </summary>
    public static bool IsOutermost(IMethodSymbol method, string stageAttribute)
    {
        foreach (string candidate in KnownNames.StageAttributesOutermostFirst)
        {
            if (Has(method, candidate))
            {
                return candidate == stageAttribute;
            }
        }

        return false;
    }

    public static AttributeData? Find(IMethodSymbol method, string attributeMetadataName)
    {
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (TypeNames.Is(attribute.AttributeClass, attributeMetadataName))
            {
                return attribute;
            }
        }

        return null;
    }

    private static bool Has(IMethodSymbol method, string attributeMetadataName) => Find(method, attributeMetadataName) is not null;
}
