using System;
using System.Globalization;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>Decodes one C# escape sequence of a regular string literal.</summary>
internal static class EscapeSequence
{
    /// <summary>Returns the number of source characters consumed (0 when malformed) and the decoded text.</summary>
    public static int Decode(string text, int backslash, int end, out string? decoded)
    {
        decoded = null;
        if (backslash + 1 >= end)
        {
            return 0;
        }

        var kind = text[backslash + 1];
        switch (kind)
        {
            case 'u':
                return Hex(text, backslash + 2, end, 4, 4, out decoded) is var u and > 0 ? u + 2 : 0;
            case 'U':
                return Hex(text, backslash + 2, end, 8, 8, out decoded) is var big and > 0 ? big + 2 : 0;
            case 'x':
                return Hex(text, backslash + 2, end, 1, 4, out decoded) is var x and > 0 ? x + 2 : 0;
        }

        decoded = kind switch
        {
            '\'' => "'",
            '"' => "\"",
            '\\' => "\\",
            '0' => "\0",
            'a' => "\a",
            'b' => "\b",
            'e' => "\u001b",
            'f' => "\f",
            'n' => "\n",
            'r' => "\r",
            't' => "\t",
            'v' => "\v",
            _ => null,
        };
        return decoded is null ? 0 : 2;
    }

    private static int Hex(string text, int start, int end, int min, int max, out string? decoded)
    {
        decoded = null;
        var length = 0;
        while (length < max && start + length < end && Uri.IsHexDigit(text[start + length]))
        {
            length++;
        }

        if (length < min)
        {
            return 0;
        }

        var code = int.Parse(text.Substring(start, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (code > 0x10FFFF)
        {
            return 0;
        }

        decoded = code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code);
        return length;
    }
}
