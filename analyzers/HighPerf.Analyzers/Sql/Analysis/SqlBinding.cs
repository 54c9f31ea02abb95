using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Analysis;

internal enum SqlBindingKind : byte
{
    /// <summary>A table the schema models: its columns and indexes are known.</summary>
    Table,

    /// <summary>A table with no schema to check it against, or one HP1008 already reported.</summary>
    UncheckedTable,

    /// <summary>CTE, subquery, function, view or other relation whose columns the rules do not judge.</summary>
    Opaque,
}

/// <summary>A relation visible in a FROM clause under its alias (or its name when it has none).</summary>
internal sealed class SqlBinding
{
    internal SqlBinding(SqlBindingKind kind, string name, string? alias, SqlTable? table, SqlFromItem? source)
    {
        Kind = kind;
        Name = name;
        Alias = alias;
        Table = table;
        Source = source;
    }

    internal SqlBindingKind Kind { get; }

    /// <summary>Relation name as written (folded), possibly schema-qualified.</summary>
    internal string Name { get; }

    internal string? Alias { get; }

    internal SqlTable? Table { get; }

    internal SqlFromItem? Source { get; }

    /// <summary>True when the binding answers to <paramref name="qualifier"/> (its alias, else its name or unqualified name).</summary>
    internal bool Matches(string qualifier)
    {
        if (Alias is not null)
            return Alias == qualifier;
        if (Name == qualifier || SqlSchema.Normalize(Name) == SqlSchema.Normalize(qualifier))
            return true;
        int dot = Name.LastIndexOf('.');
        return dot >= 0 && Name.Substring(dot + 1) == qualifier;
    }
}
