namespace HighPerf.Analyzers.Sql;

/// <summary>One migration file: its path (used for ordering) and its text.</summary>
internal readonly record struct SqlSchemaFile(string Path, string Text);
