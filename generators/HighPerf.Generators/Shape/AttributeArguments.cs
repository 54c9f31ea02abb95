using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.Generators.Shape;

/// <summary>Reads named attribute arguments, with the default the attribute declares when an argument is absent.</summary>
internal static class AttributeArguments
{
    public static int Int(AttributeData attribute, string name, int defaultValue) =>
        TryGet(attribute, name, out TypedConstant value) && value.Value is int number ? number : defaultValue;

    public static bool Bool(AttributeData attribute, string name, bool defaultValue) =>
        TryGet(attribute, name, out TypedConstant value) && value.Value is bool flag ? flag : defaultValue;

    /// <summary>The elements of a <c>string[]</c> argument; null elements stay null. Empty when absent or null.</summary>
    public static List<string?> Strings(AttributeData attribute, string name)
    {
        var result = new List<string?>();
        if (TryGet(attribute, name, out TypedConstant value) && value.Kind == TypedConstantKind.Array && !value.IsNull)
        {
            foreach (TypedConstant element in value.Values)
            {
                result.Add(element.Value as string);
            }
        }

        return result;
    }

    /// <summary>The <c>Name = ...</c> argument's location, else the attribute's, else <paramref name="fallback"/>.</summary>
    public static Location? Location(AttributeData attribute, string? name, Location? fallback, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return fallback;
        }

        if (name is not null && syntax.ArgumentList is { } arguments)
        {
            foreach (AttributeArgumentSyntax argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.GetLocation();
                }
            }
        }

        return syntax.GetLocation();
    }

    private static bool TryGet(AttributeData attribute, string name, out TypedConstant value)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                value = argument.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
