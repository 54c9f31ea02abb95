namespace HighPerf.Analyzers.Sql;

/// <summary>A table column: folded name and the type as written (lower case, for messages only).</summary>
internal sealed record SqlColumn(string Name, string TypeName);
