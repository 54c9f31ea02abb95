using HighPerf.Testing.Snapshots;
using Xunit;
using Xunit.Sdk;

namespace HighPerf.Runtime.Tests.Infrastructure;

public sealed class SnapshotStoreTests : IDisposable
{
    private const string Scenario = "Orders";
    private readonly string _root = Directory.CreateTempSubdirectory("highperf-snapshots-").FullName;

    private string ScenarioDirectory => Path.Combine(_root, Scenario);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void AssertMatches_SameFilesWithOtherLineEndings_Passes()
    {
        WriteBaseline("Order.g.cs", "line 1\r\nline 2\r\n");

        new SnapshotStore(_root, accept: false).AssertMatches(Scenario, [("Order.g.cs", "line 1\nline 2")]);
    }

    [Fact]
    public void AssertMatches_ChangedLine_FailsWithNumberedMinusAndPlusLines()
    {
        WriteBaseline("Order.g.cs", "namespace Shop;\nclass Order\n{\n    int Id;\n}\n");

        var error = Assert.Throws<FailException>(() => new SnapshotStore(_root, accept: false)
            .AssertMatches(Scenario, [("Order.g.cs", "namespace Shop;\nclass Order\n{\n    long Id;\n}\n")]));

        Assert.Contains("'Order.g.cs' differs from Order.g.cs.txt", error.Message);
        Assert.Contains("first difference at line 4", error.Message);
        Assert.Contains("-    4:     int Id;", error.Message);
        Assert.Contains("+    4:     long Id;", error.Message);
        Assert.Contains("     3: {", error.Message);
        Assert.DoesNotContain("}", error.Message.Split("line 4:")[1]);
    }

    [Fact]
    public void AssertMatches_FileWithoutBaseline_FailsWithoutWritingIt()
    {
        WriteBaseline("Order.g.cs", "same");

        var error = Assert.Throws<FailException>(() => new SnapshotStore(_root, accept: false)
            .AssertMatches(Scenario, [("Order.g.cs", "same"), ("Customer.g.cs", "new")]));

        Assert.Contains("missing baseline: 'Customer.g.cs'", error.Message);
        Assert.Contains(SnapshotAcceptance.Variable + "=1", error.Message);
        Assert.DoesNotContain("Order.g.cs", error.Message);
        Assert.False(File.Exists(Path.Combine(ScenarioDirectory, "Customer.g.cs.txt")));
    }

    [Fact]
    public void AssertMatches_BaselineWithoutFile_FailsNamingTheUnexpectedBaseline()
    {
        WriteBaseline("Order.g.cs", "same");
        WriteBaseline("Removed.g.cs", "old");

        var error = Assert.Throws<FailException>(() => new SnapshotStore(_root, accept: false)
            .AssertMatches(Scenario, [("Order.g.cs", "same")]));

        Assert.Contains("unexpected baseline: Removed.g.cs.txt", error.Message);
        Assert.True(File.Exists(Path.Combine(ScenarioDirectory, "Removed.g.cs.txt")));
    }

    [Fact]
    public void AssertMatches_NoBaselineFolderAndNotAccepting_FailsAndCreatesNothing()
    {
        Assert.Throws<FailException>(() => new SnapshotStore(_root, accept: false)
            .AssertMatches(Scenario, [("Order.g.cs", "text")]));

        Assert.False(Directory.Exists(ScenarioDirectory));
    }

    [Fact]
    public void AssertMatches_Accepting_WritesNewAndChangedFilesAndDeletesStaleOnes()
    {
        WriteBaseline("Changed.g.cs", "old");
        WriteBaseline("Stale.g.cs", "gone");
        WriteBaseline("Kept.g.cs", "kept");
        File.SetLastWriteTimeUtc(Path.Combine(ScenarioDirectory, "Kept.g.cs.txt"), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        (string, string)[] files = [("Changed.g.cs", "new\r\n"), ("Added.g.cs", "added"), ("Kept.g.cs", "kept")];

        new SnapshotStore(_root, accept: true).AssertMatches(Scenario, files);

        Assert.Equal(
            ["Added.g.cs.txt", "Changed.g.cs.txt", "Kept.g.cs.txt"],
            Directory.GetFiles(ScenarioDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(ScenarioDirectory, "Changed.g.cs.txt")));
        Assert.Equal(2020, File.GetLastWriteTimeUtc(Path.Combine(ScenarioDirectory, "Kept.g.cs.txt")).Year);
        new SnapshotStore(_root, accept: false).AssertMatches(Scenario, files);
    }

    [Fact]
    public void AssertMatches_SameFileNameTwice_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new SnapshotStore(_root, accept: true)
            .AssertMatches(Scenario, [("Order.g.cs", "a"), ("Order.g.cs", "b")]));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("")]
    public void AssertMatches_ScenarioThatIsNotAFolderName_ThrowsArgumentException(string scenario)
    {
        Assert.Throws<ArgumentException>(() => new SnapshotStore(_root, accept: true).AssertMatches(scenario, [("a", "b")]));
    }

    private void WriteBaseline(string fileName, string content)
    {
        Directory.CreateDirectory(ScenarioDirectory);
        File.WriteAllText(Path.Combine(ScenarioDirectory, fileName + ".txt"), content);
    }
}
