using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>
/// Finds where each character of a string literal's value sits in source: escapes (<c>\n</c>, <c>\u0041</c>),
/// doubled quotes in verbatim strings, doubled braces in interpolated text, and the indentation that raw strings
/// drop. The result is checked against the compiler's value, so a mapping is either exact or absent.
/// </summary>
internal static class StringLiteralMapper
{
    private enum Flavor
    {
        Regular,
        Verbatim,
        Raw,
    }

    /// <summary>
    /// Source positions of each character of <paramref name="value"/> plus one final entry for its end,
    /// or null when <paramref name="syntax"/> is not a literal we can map.
    /// </summary>
    public static int[]? Map(SyntaxNode syntax, string value)
    {
        switch (syntax)
        {
            case LiteralExpressionSyntax { Token: var token }:
                return MapLiteralToken(token, value);
            case InterpolatedStringTextSyntax { TextToken: var text, Parent: InterpolatedStringExpressionSyntax parent }:
                var flavor = parent.StringStartToken.Kind() switch
                {
                    SyntaxKind.InterpolatedStringStartToken => Flavor.Regular,
                    SyntaxKind.InterpolatedVerbatimStringStartToken => Flavor.Verbatim,
                    _ => Flavor.Raw,
                };
                return MapContent(text.Text, 0, text.Text.Length, text.SpanStart, value, flavor, interpolated: true);
            default:
                return null;
        }
    }

    private static int[]? MapLiteralToken(SyntaxToken token, string value)
    {
        var text = token.Text;
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken when text.StartsWith("@", StringComparison.Ordinal):
                return MapContent(text, 2, text.Length - 1, token.SpanStart, value, Flavor.Verbatim, interpolated: false);
            case SyntaxKind.StringLiteralToken:
                return MapContent(text, 1, text.Length - 1, token.SpanStart, value, Flavor.Regular, interpolated: false);
            case SyntaxKind.SingleLineRawStringLiteralToken:
            case SyntaxKind.MultiLineRawStringLiteralToken:
                var quotes = 0;
                while (quotes < text.Length && text[quotes] == '"')
                {
                    quotes++;
                }

                return MapContent(text, quotes, text.Length - quotes, token.SpanStart, value, Flavor.Raw, interpolated: false);
            default:
                return null;
        }
    }

    private static int[]? MapContent(string text, int start, int end, int tokenStart, string value, Flavor flavor, bool interpolated)
    {
        if (start > end)
        {
            return null;
        }

        var starts = new int[value.Length + 1];
        var produced = flavor == Flavor.Raw
            ? AlignRaw(text, start, end, value, starts)
            : Decode(text, start, end, value, starts, flavor, interpolated);
        if (produced != value.Length)
        {
            return null;
        }

        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] += tokenStart;
        }

        return starts;
    }

    // Raw strings have no escapes: the value is the content minus indentation and the first/last line breaks,
    // so it is a subsequence of the content. Greedy matching lands every non-blank character exactly.
    private static int AlignRaw(string text, int start, int end, string value, int[] starts)
    {
        var source = start;
        for (var i = 0; i < value.Length; i++)
        {
            while (source < end && text[source] != value[i])
            {
                source++;
            }

            if (source >= end)
            {
                return -1;
            }

            starts[i] = source++;
        }

        starts[value.Length] = value.Length == 0 ? start : source;
        return value.Length;
    }

    private static int Decode(string text, int start, int end, string value, int[] starts, Flavor flavor, bool interpolated)
    {
        var produced = 0;
        var source = start;
        while (source < end)
        {
            var charStart = source;
            var c = text[source];
            int width;
            string? decoded = null;
            if (flavor == Flavor.Regular && c == '\\')
            {
                width = EscapeSequence.Decode(text, source, end, out decoded);
                if (width == 0)
                {
                    return -1;
                }
            }
            else if ((flavor == Flavor.Verbatim && c == '"') || (interpolated && (c == '{' || c == '}')))
            {
                // "" in verbatim strings and {{ / }} in interpolated text stand for one character.
                width = source + 1 < end && text[source + 1] == c ? 2 : 1;
            }
            else
            {
                width = 1;
            }

            var count = decoded?.Length ?? 1;
            for (var k = 0; k < count; k++)
            {
                var ch = decoded is null ? c : decoded[k];
                if (produced >= value.Length || value[produced] != ch)
                {
                    return -1;
                }

                starts[produced++] = charStart;
            }

            source += width;
        }

        starts[produced] = end;
        return produced;
    }
}
