using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HighPerf.Testing.Roslyn;

/// <summary>An AdditionalFiles item given by path and text, as MSBuild would pass it to analyzers.</summary>
public sealed record TestAdditionalFile(string Path, string Text)
{
    /// <summary>The Roslyn view of the file.</summary>
    public AdditionalText ToAdditionalText() => new InMemoryAdditionalText(Path, SourceText.From(Text, Encoding.UTF8));

    internal static ImmutableArray<AdditionalText> ToAdditionalTexts(IEnumerable<TestAdditionalFile>? files) =>
        files is null ? ImmutableArray<AdditionalText>.Empty : files.Select(f => f.ToAdditionalText()).ToImmutableArray();

    private sealed class InMemoryAdditionalText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
