using System.Collections.Generic;

namespace HighPerf.Generators.Shape;

/// <summary>Tag templates such as <c>product:{id}</c>: literal text and <c>{name}</c> placeholders naming key parts.</summary>
internal static class TagTemplate
{
    /// <returns>Null when valid, else what is wrong, for the diagnostic message.</returns>
    public static string? Validate(string template, ISet<string> names)
    {
        if (template.Length == 0)
        {
            return "a tag cannot be empty";
        }

        foreach ((bool isPlaceholder, string text) in Split(template))
        {
            if (text is null)
            {
                return "its braces are unbalanced";
            }

            if (isPlaceholder && !names.Contains(text))
            {
                return text.Length == 0 ? "'{}' names no key part" : $"'{{{text}}}' is not a key parameter or key member";
            }
        }

        return null;
    }

    /// <summary>
    /// Literal and placeholder segments in order. A segment with null text means unbalanced braces (a
    /// <c>}</c> without <c>{</c>, a <c>{</c> inside a placeholder, or an unclosed <c>{</c>); it is the last one.
    /// </summary>
    public static IEnumerable<(bool IsPlaceholder, string Text)> Split(string template)
    {
        int start = 0;
        bool inPlaceholder = false;
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c == '{' && !inPlaceholder)
            {
                if (i > start)
                {
                    yield return (false, template.Substring(start, i - start));
                }

                inPlaceholder = true;
                start = i + 1;
            }
            else if (c == '}' && inPlaceholder)
            {
                yield return (true, template.Substring(start, i - start));
                inPlaceholder = false;
                start = i + 1;
            }
            else if (c is '{' or '}')
            {
                yield return (false, null!);
                yield break;
            }
        }

        if (inPlaceholder)
        {
            yield return (false, null!);
            yield break;
        }

        if (start < template.Length)
        {
            yield return (false, template.Substring(start));
        }
    }
}
