using System.Text;

namespace HighPerf.Testing.Snapshots;

/// <summary>
/// A compact, readable difference between two texts: the region between their common first and last lines, shown
/// as <c>-</c> (baseline) and <c>+</c> (actual) lines with 1-based line numbers and one line of context before it.
/// </summary>
public static class LineDiff
{
    /// <summary>How many lines of each side are shown before the rest is summarized.</summary>
    public const int MaxLinesPerSide = 10;

    public static string Describe(string expected, string actual, string indent = "")
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');

        var prefix = 0;
        while (prefix < expectedLines.Length && prefix < actualLines.Length && expectedLines[prefix] == actualLines[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < expectedLines.Length - prefix && suffix < actualLines.Length - prefix &&
               expectedLines[^(suffix + 1)] == actualLines[^(suffix + 1)])
        {
            suffix++;
        }

        var text = new StringBuilder();
        text.AppendLine($"{indent}first difference at line {prefix + 1}:");
        if (prefix > 0)
        {
            AppendLine(text, indent, ' ', prefix, expectedLines[prefix - 1]);
        }

        AppendSide(text, indent, '-', expectedLines, prefix, expectedLines.Length - suffix);
        AppendSide(text, indent, '+', actualLines, prefix, actualLines.Length - suffix);
        return text.ToString();
    }

    private static void AppendSide(StringBuilder text, string indent, char marker, string[] lines, int start, int end)
    {
        var shown = Math.Min(end, start + MaxLinesPerSide);
        for (var index = start; index < shown; index++)
        {
            AppendLine(text, indent, marker, index + 1, lines[index]);
        }

        if (end > shown)
        {
            text.AppendLine($"{indent}{marker} ... {end - shown} more line(s)");
        }
    }

    private static void AppendLine(StringBuilder text, string indent, char marker, int lineNumber, string line) =>
        text.AppendLine($"{indent}{marker} {lineNumber,4}: {line}");
}
