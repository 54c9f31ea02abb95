using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace HighPerf.Testing.Roslyn;

/// <summary>A span the test expects a diagnostic on; <paramref name="Id"/> is null for <c>[|...|]</c> markup.</summary>
public readonly record struct ExpectedSpan(string? Id, TextSpan Span);

/// <summary>
/// Location markup in test sources: <c>[|text|]</c> marks a span for the test's default diagnostic id and
/// <c>{|HP1001:text|}</c> marks a span for a given id. Markers may nest; they are removed from the source.
/// </summary>
public static class TestMarkup
{
    public static (string Source, IReadOnlyList<ExpectedSpan> Spans) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var spans = new List<ExpectedSpan>();
        var open = new Stack<(string? Id, int Start, char Closer)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (At(markup, i, "[|"))
            {
                open.Push((null, source.Length, ']'));
                i++;
            }
            else if (markup[i] == '{' && At(markup, i + 1, "|") && TryReadId(markup, i + 2, out var id, out var afterColon))
            {
                open.Push((id, source.Length, '}'));
                i = afterColon - 1;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && (markup[i + 1] == ']' || markup[i + 1] == '}') && open.Count > 0
                && open.Peek().Closer == markup[i + 1])
            {
                var (spanId, start, _) = open.Pop();
                spans.Add(new ExpectedSpan(spanId, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new ArgumentException($"Unclosed markup span starting at {open.Peek().Start}.", nameof(markup));
        }

        spans.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.Length.CompareTo(b.Span.Length));
        return (source.ToString(), spans);
    }

    private static bool At(string text, int index, string expected) =>
        index + expected.Length <= text.Length && string.CompareOrdinal(text, index, expected, 0, expected.Length) == 0;

    // An id is letters and digits followed by ':' (e.g. HP1001:), so C# code such as "{|" elsewhere is left alone.
    private static bool TryReadId(string text, int start, out string id, out int afterColon)
    {
        var end = start;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        id = text.Substring(start, end - start);
        afterColon = end + 1;
        return end > start && end < text.Length && text[end] == ':';
    }
}
