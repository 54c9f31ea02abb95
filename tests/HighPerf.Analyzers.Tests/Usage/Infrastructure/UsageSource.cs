namespace HighPerf.Analyzers.Tests.Usage.Infrastructure;

/// <summary>Test sources: the usings a service file has, and a class around the members under test.</summary>
internal static class UsageSource
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HighPerf;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        public sealed record Order(long Id);

        """;

    /// <summary><paramref name="members"/> inside <c>public sealed partial class OrderService</c> (or <paramref name="typeHeader"/>).</summary>
    public static string InClass(string members, string typeHeader = "public sealed partial class OrderService") =>
        Usings + typeHeader + Environment.NewLine + "{" + Environment.NewLine + members + Environment.NewLine + "}" + Environment.NewLine;
}
