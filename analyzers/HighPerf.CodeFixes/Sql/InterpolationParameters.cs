using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.CodeFixes.Sql;

/// <summary>
/// Turns an interpolated SQL string into a plain literal with <c>@name</c> placeholders, one parameter per
/// distinct hole expression. Quotes around a hole (<c>'{name}'</c>) are dropped: the value becomes a typed
/// parameter, not text inside an SQL string.
/// </summary>
internal sealed class InterpolationParameters
{
    private InterpolationParameters(string literal, List<(string Name, ExpressionSyntax Value)> parameters)
    {
        Literal = literal;
        Parameters = parameters;
    }

    /// <summary>The C# source of the parameterized literal.</summary>
    public string Literal { get; }

    /// <summary>Parameter names in order of first appearance, with the expression each one binds.</summary>
    public IReadOnlyList<(string Name, ExpressionSyntax Value)> Parameters { get; }

    /// <summary>Null when a hole has an alignment or format clause, whose text form a parameter cannot keep.</summary>
    public static InterpolationParameters? Create(InterpolatedStringExpressionSyntax interpolated)
    {
        var startKind = interpolated.StringStartToken.Kind();
        var isRaw = startKind is SyntaxKind.InterpolatedSingleLineRawStringStartToken or SyntaxKind.InterpolatedMultiLineRawStringStartToken;
        var pieces = new List<string>();
        var holes = new List<int>();
        var parameters = new List<(string Name, ExpressionSyntax Value)>();
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                var value = text.TextToken.Text;
                pieces.Add(isRaw ? value : value.Replace("{{", "{").Replace("}}", "}"));
                continue;
            }

            var interpolation = (InterpolationSyntax)content;
            if (interpolation.AlignmentClause is not null || interpolation.FormatClause is not null)
            {
                return null;
            }

            holes.Add(pieces.Count);
            pieces.Add("@" + NameFor(interpolation.Expression, parameters));
        }

        foreach (var hole in holes)
        {
            UnquoteHole(pieces, hole);
        }

        var open = interpolated.StringStartToken.Text.Replace("$", string.Empty);
        var body = string.Concat(pieces);
        return new InterpolationParameters(open + body + interpolated.StringEndToken.Text, parameters);
    }

    private static string NameFor(ExpressionSyntax expression, List<(string Name, ExpressionSyntax Value)> parameters)
    {
        var text = expression.ToString();
        foreach (var (existingName, existingValue) in parameters)
        {
            if (existingValue.ToString() == text)
            {
                return existingName;
            }
        }

        var baseName = expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => "p" + (parameters.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var name = baseName;
        for (var suffix = 2; parameters.Exists(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)); suffix++)
        {
            name = baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        parameters.Add((name, expression));
        return name;
    }

    private static void UnquoteHole(List<string> pieces, int hole)
    {
        if (hole > 0 && hole + 1 < pieces.Count && pieces[hole - 1].EndsWith("'", StringComparison.Ordinal)
            && pieces[hole + 1].StartsWith("'", StringComparison.Ordinal))
        {
            pieces[hole - 1] = pieces[hole - 1].Substring(0, pieces[hole - 1].Length - 1);
            pieces[hole + 1] = pieces[hole + 1].Substring(1);
        }
    }
}
