namespace HighPerf.Package.Tests;

/// <summary>
/// A brand-new console application that installs HighPerf.Generators from a local folder, as a new user would:
/// one PackageReference, one [TrackPerformance] method, and a MeterListener that prints what the meter reports.
/// </summary>
internal static class ConsumerProject
{
    public const string FunctionName = "Consumer.Calculator.Add";

    public static void Write(string directory, string packageSource, string packageVersion)
    {
        WriteNuGetConfig(directory, packageSource);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), Project.Replace("{version}", packageVersion));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
    }

    /// <summary>Creates <paramref name="directory"/> with a nuget.config that takes HighPerf.Generators from <paramref name="packageSource"/>.</summary>
    public static void WriteNuGetConfig(string directory, string packageSource)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), NuGetConfig.Replace("{source}", packageSource));
    }

    // Keeps the machine's own sources (nuget.org) and adds the folder; the mapping makes HighPerf.Generators come
    // from the folder only, so a package of the same name elsewhere can never stand in for the one under test.
    private const string NuGetConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="local" value="{source}" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="local">
              <package pattern="HighPerf.Generators" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="HighPerf.Generators" Version="{version}" />
          </ItemGroup>
        </Project>
        """;

    private const string Program = """
        using System.Diagnostics.Metrics;
        using Consumer;

        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == "HighPerf")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>(Print);
        listener.SetMeasurementEventCallback<long>(Print);
        listener.Start();

        Console.WriteLine($"result: {new Calculator().Add(2, 3)}");

        static void Print<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            var tagText = string.Join(' ', tags.ToArray().Select(tag => $"{tag.Key}={tag.Value}"));
            Console.WriteLine($"measurement: {instrument.Name} {value} {tagText}");
        }

        namespace Consumer
        {
            public partial class Calculator
            {
                [HighPerf.TrackPerformance]
                public partial int Add(int a, int b);

                private int AddCore(int a, int b) => a + b;
            }
        }
        """;
}
