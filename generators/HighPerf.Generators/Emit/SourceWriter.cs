using System;
using System.Text;

namespace HighPerf.Generators.Emit;

/// <summary>
/// Writes C# text with the indentation kept by the writer, not by the strings: a multi-line (raw string)
/// block is split into lines and each is indented at the current level.
/// </summary>
internal sealed class SourceWriter
{
    private const int SpacesPerLevel = 4;
    private readonly StringBuilder _builder = new();
    private int _indentation;

    public int Indentation => _indentation;

    public void OpenBlock(string header)
    {
        WriteLine(header);
        WriteLine("{");
        _indentation++;
    }

    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    public void CloseBlock(string suffix = "")
    {
        if (_indentation == 0)
        {
            throw new InvalidOperationException("CloseBlock without a matching OpenBlock.");
        }

        _indentation--;
        WriteLine("}" + suffix);
    }

    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes one line, or every line of a multi-line block, at the current indentation.</summary>
    public void WriteLine(string text)
    {
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            string line = text.Substring(start, end - start).TrimEnd('\r');
            if (line.Length > 0)
            {
                _builder.Append(' ', _indentation * SpacesPerLevel).Append(line);
            }

            _builder.Append('\n');
            start = end + 1;
        }
    }

    /// <summary>The finished text. Every block must be closed, so a bug in an emitter cannot go unnoticed.</summary>
    public string ToSourceText()
    {
        if (_indentation != 0)
        {
            throw new InvalidOperationException($"Unbalanced blocks: indentation is {_indentation} at the end.");
        }

        return _builder.ToString();
    }
}
