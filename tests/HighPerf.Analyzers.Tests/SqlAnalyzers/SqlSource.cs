namespace HighPerf.Analyzers.Tests.SqlAnalyzers;

/// <summary>Wraps test statements in a compilable class with the usings every SQL test needs.</summary>
internal static class SqlSource
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Data.Common;
        using System.Diagnostics.CodeAnalysis;
        using System.Linq;
        using System.Threading.Tasks;
        using Dapper;
        using Npgsql;

        """;

    /// <summary>A class with an async method <c>Run(NpgsqlConnection connection, NpgsqlDataSource dataSource, int id, string name, int[] ids)</c>.</summary>
    public static string InMethod(string statements, string members = "") => Usings + $$"""
        public record User(int Id, string Name);

        public class Repository
        {
        {{members}}
            public async Task Run(NpgsqlConnection connection, NpgsqlDataSource dataSource, int id, string name, int[] ids)
            {
        {{statements}}
                await Task.CompletedTask;
            }
        }
        """;
}
