using System.Collections;
using HighPerf.Testing.Processes;

namespace HighPerf.Package.Tests;

/// <summary>Runs the dotnet CLI as a user's shell would, not as a child of the test run.</summary>
internal static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public static Task<ProcessResult> RunAsync(
        string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? extraEnvironment = null)
    {
        var environment = CleanEnvironment();
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return ExternalProcess.RunAsync("dotnet", arguments, workingDirectory, timeout: Timeout, environment: environment);
    }

    private static Dictionary<string, string?> CleanEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            // Build servers outlive the command, keep the output pipes open and make the test wait for them.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1",
            ["UseSharedCompilation"] = "false",
        };

        // The test host inherits MSBuild and VSTest variables from `dotnet test`; a nested build must not see them.
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && name != "MSBUILDDISABLENODEREUSE" ||
                name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        return environment;
    }
}
