using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>
/// Maps offsets in the assembled SQL text back to C# source. Each piece of the SQL (a literal, the text of an
/// interpolated string, a constant's value) is one segment; a literal segment knows where each of its characters
/// starts in source, other segments only know the span of the expression that produced them.
/// </summary>
internal sealed class SqlSourceMap
{
    private readonly List<Segment> segments = new();

    /// <param name="SqlStart">Offset of the segment's first character in the SQL text.</param>
    /// <param name="CharStarts">Source position of each character, plus one entry for the end; null when unknown.</param>
    /// <param name="Span">The source span of the expression that produced the segment.</param>
    private readonly record struct Segment(int SqlStart, int Length, SyntaxTree Tree, int[]? CharStarts, TextSpan Span);

    public int SegmentCount => segments.Count;

    public void Add(int sqlStart, int length, SyntaxTree tree, int[]? charStarts, TextSpan span) =>
        segments.Add(new Segment(sqlStart, length, tree, charStarts, span));

    /// <summary>
    /// The source location of SQL range [start, start + length). Falls back to <paramref name="fallback"/> when the
    /// range crosses syntax trees (a constant declared in another file) or lies outside every segment.
    /// </summary>
    public Location Map(int start, int length, Location fallback)
    {
        if (segments.Count == 0 || length < 0 || start < 0)
        {
            return fallback;
        }

        var end = start + length;
        var first = FindSegment(start);
        var last = length == 0 ? first : FindSegment(end - 1);
        if (segments[first].Tree != segments[last].Tree || segments[first].Tree != fallback.SourceTree)
        {
            return fallback;
        }

        var sourceStart = SourceStart(segments[first], start);
        var sourceEnd = length == 0 ? sourceStart : SourceEnd(segments[last], end);
        return sourceEnd < sourceStart
            ? fallback
            : Location.Create(segments[first].Tree, TextSpan.FromBounds(sourceStart, sourceEnd));
    }

    private int FindSegment(int sqlOffset)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (sqlOffset >= segment.SqlStart && sqlOffset < segment.SqlStart + segment.Length)
            {
                return i;
            }
        }

        // An offset at the very end of the SQL (a finding about something missing) maps to the last segment.
        return segments.Count - 1;
    }

    private static int SourceStart(Segment segment, int sqlOffset)
    {
        var index = sqlOffset - segment.SqlStart;
        return segment.CharStarts is { } starts && index >= 0 && index < starts.Length ? starts[index] : segment.Span.Start;
    }

    private static int SourceEnd(Segment segment, int sqlEnd)
    {
        var index = sqlEnd - segment.SqlStart;
        return segment.CharStarts is { } starts && index >= 0 && index < starts.Length ? starts[index] : segment.Span.End;
    }
}
