using HighPerf.Testing.Snapshots;
using Xunit;
using Xunit.Sdk;

namespace HighPerf.Runtime.Tests.Infrastructure;

public sealed class SnapshotTests
{
    [Fact]
    public void AssertMatches_LooksForBaselinesBesideTheTestFile()
    {
        var testDirectory = Directory.CreateTempSubdirectory("highperf-snapshot-caller-").FullName;
        try
        {
            var scenarioDirectory = Path.Combine(testDirectory, "Baselines", "Greeting");
            Directory.CreateDirectory(scenarioDirectory);
            File.WriteAllText(Path.Combine(scenarioDirectory, "Hello.txt"), "hello\n");
            var testFile = Path.Combine(testDirectory, "GreetingTests.cs");

            Snapshot.AssertMatches("Greeting", [("Hello", "hello")], testFile);
            var error = Assert.Throws<FailException>(() => Snapshot.AssertMatches("Greeting", [("Hello", "bye")], testFile));

            Assert.Contains(scenarioDirectory, error.Message);
        }
        finally
        {
            Directory.Delete(testDirectory, recursive: true);
        }
    }

    [Theory]
    [InlineData("1", null, true)]
    [InlineData("1", "false", true)]
    [InlineData("1", "true", false)]
    [InlineData("0", null, false)]
    [InlineData(null, null, false)]
    public void IsRequested_DependsOnTheVariableAndRefusesUnderCi(string? accept, string? ci, bool expected)
    {
        var variables = new Dictionary<string, string?> { [SnapshotAcceptance.Variable] = accept, ["CI"] = ci };

        Assert.Equal(expected, SnapshotAcceptance.IsRequested(name => variables.GetValueOrDefault(name)));
    }

    [Fact]
    public void Describe_LongChange_ShowsTenLinesPerSideAndCountsTheRest()
    {
        var expected = string.Join('\n', Enumerable.Range(1, 15).Select(i => $"old {i}"));
        var actual = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"new {i}"));

        var diff = LineDiff.Describe(expected, actual);

        Assert.Contains("first difference at line 1", diff);
        Assert.Contains("-   10: old 10", diff);
        Assert.DoesNotContain("old 11", diff);
        Assert.Contains("- ... 5 more line(s)", diff);
        Assert.Contains("+ ... 2 more line(s)", diff);
    }

    [Fact]
    public void Describe_InsertedLine_ShowsOnlyThePlusLineAfterItsContext()
    {
        var diff = LineDiff.Describe("a\nb\nc", "a\nb\nx\nc");

        Assert.Equal(
            "first difference at line 3:\n     2: b\n+    3: x\n",
            diff.Replace(Environment.NewLine, "\n"));
    }
}
