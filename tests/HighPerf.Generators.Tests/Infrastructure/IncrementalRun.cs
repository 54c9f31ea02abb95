using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HighPerf.Generators.Tests.Infrastructure;

/// <summary>Runs the generator on some sources, replaces one of them, and runs it again on the same driver.</summary>
internal static class IncrementalRun
{
    /// <returns>The second run, whose tracked steps say what was cached, unchanged or modified.</returns>
    public static GeneratorRunResult AfterEdit(string[] sources, int editedSource, string newText)
    {
        CSharpCompilation first = TestCompilation.Create(sources);
        GeneratorDriver driver = TestCompilation.CreateDriver().RunGenerators(first);

        Compilation second = first.ReplaceSyntaxTree(
            first.SyntaxTrees.ElementAt(editedSource),
            CSharpSyntaxTree.ParseText(newText, TestCompilation.ParseOptions, path: $"Source{editedSource}.cs"));
        return driver.RunGenerators(second).GetRunResult().Results.Single();
    }

    /// <summary>Every output of <paramref name="step"/> was reused, and so was every source output.</summary>
    public static void AssertStepAndOutputsReused(GeneratorRunResult result, string step)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{step} re-ran with reason {output.Reason}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }
}
