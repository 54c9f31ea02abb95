using System.Text;
using Xunit;

namespace HighPerf.Testing.Snapshots;

/// <summary>
/// The baselines under one root folder. Compares a scenario's file set and contents, or rewrites them when
/// <paramref name="accept"/> is on. Contents are compared with line endings normalized to <c>\n</c> and trailing
/// newlines ignored, so a checkout with CRLF or an editor that adds a final newline does not fail a test.
/// </summary>
public sealed class SnapshotStore(string baselineRoot, bool accept)
{
    private const string Extension = ".txt";

    public void AssertMatches(string scenario, IReadOnlyList<(string FileName, string Content)> files)
    {
        var directory = ScenarioDirectory(scenario);
        var actual = ToDictionary(files);
        var expected = ReadBaselines(directory);

        if (accept)
        {
            Write(directory, actual, expected);
            return;
        }

        var problems = new StringBuilder();
        foreach (var (name, content) in actual.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!expected.TryGetValue(name, out var baseline))
            {
                problems.AppendLine($"  missing baseline: '{name}' was produced but {name}{Extension} does not exist.");
            }
            else if (baseline != content)
            {
                problems.AppendLine($"  '{name}' differs from {name}{Extension}:");
                problems.Append(LineDiff.Describe(baseline, content, indent: "    "));
            }
        }

        foreach (var name in expected.Keys.Where(name => !actual.ContainsKey(name)).OrderBy(name => name, StringComparer.Ordinal))
        {
            problems.AppendLine($"  unexpected baseline: {name}{Extension} exists but no file '{name}' was produced.");
        }

        if (problems.Length > 0)
        {
            Assert.Fail(
                $"Snapshot '{scenario}' does not match the baselines in {directory}:{Environment.NewLine}{problems}" +
                $"If the new output is right, run the tests with {SnapshotAcceptance.Variable}=1 and review the baselines with git diff.");
        }
    }

    private string ScenarioDirectory(string scenario)
    {
        if (string.IsNullOrWhiteSpace(scenario) || scenario.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || scenario.StartsWith('.'))
        {
            throw new ArgumentException($"'{scenario}' cannot name a baseline folder.", nameof(scenario));
        }

        return Path.Combine(baselineRoot, scenario);
    }

    private static Dictionary<string, string> ToDictionary(IReadOnlyList<(string FileName, string Content)> files)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (fileName, content) in files)
        {
            if (string.IsNullOrWhiteSpace(fileName) || fileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new ArgumentException($"'{fileName}' cannot name a baseline file.", nameof(files));
            }

            if (!result.TryAdd(fileName, Normalize(content)))
            {
                throw new ArgumentException($"The file name '{fileName}' appears more than once.", nameof(files));
            }
        }

        return result;
    }

    private static Dictionary<string, string> ReadBaselines(string directory)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return result;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            var name = Path.GetFileName(path)[..^Extension.Length];
            result.Add(name, Normalize(File.ReadAllText(path)));
        }

        return result;
    }

    private static void Write(string directory, Dictionary<string, string> actual, Dictionary<string, string> expected)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, content) in actual)
        {
            // Unchanged baselines are left alone so their timestamps and the working tree stay quiet.
            if (!expected.TryGetValue(name, out var baseline) || baseline != content)
            {
                File.WriteAllText(Path.Combine(directory, name + Extension), content + "\n");
            }
        }

        foreach (var stale in expected.Keys.Where(name => !actual.ContainsKey(name)))
        {
            File.Delete(Path.Combine(directory, stale + Extension));
        }
    }

    private static string Normalize(string content) =>
        content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n');
}
