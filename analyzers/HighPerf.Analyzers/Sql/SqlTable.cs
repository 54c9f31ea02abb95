using System;
using System.Collections.Generic;

namespace HighPerf.Analyzers.Sql;

/// <summary>
/// A table known from the migrations. Columns keep their declaration order (the HP1001 code fix lists them);
/// indexes include the implicit ones of PRIMARY KEY and UNIQUE constraints, never foreign keys.
/// </summary>
internal sealed class SqlTable
{
    private readonly List<SqlColumn> _columns = new();
    private readonly List<SqlIndex> _indexes = new();

    internal SqlTable(string name) => Name = name;

    internal string Name { get; private set; }

    internal IReadOnlyList<SqlColumn> Columns => _columns;

    internal IReadOnlyList<SqlIndex> Indexes => _indexes;

    internal SqlColumn? FindColumn(string name)
    {
        foreach (var column in _columns)
        {
            if (column.Name == name)
                return column;
        }
        return null;
    }

    internal bool HasColumn(string name) => FindColumn(name) is not null;

    internal void Rename(string name) => Name = name;

    internal void AddColumn(SqlColumn column)
    {
        if (!HasColumn(column.Name))
            _columns.Add(column);
    }

    /// <summary>Dropping a column drops every index that uses it, as PostgreSQL does.</summary>
    internal void DropColumn(string name)
    {
        _columns.RemoveAll(c => c.Name == name);
        _indexes.RemoveAll(i => i.Keys.Exists(k => k.Column == name || (k.Expression is not null && UsesName(k.Expression, name))));
    }

    /// <summary>Normalized expressions separate tokens with single spaces, so a name is a whole space-delimited word.</summary>
    private static bool UsesName(string normalizedExpression, string name) =>
        (" " + normalizedExpression + " ").Contains(" " + name + " ");

    internal void RenameColumn(string from, string to)
    {
        int at = _columns.FindIndex(c => c.Name == from);
        if (at < 0)
            return;
        _columns[at] = _columns[at] with { Name = to };
        for (int i = 0; i < _indexes.Count; i++)
        {
            var keys = new List<SqlIndexKey>();
            foreach (var key in _indexes[i].Keys)
                keys.Add(key.Column == from ? key with { Column = to } : key);
            _indexes[i] = _indexes[i] with { Keys = keys };
        }
    }

    internal void AddIndex(SqlIndex index) => _indexes.Add(index);

    internal bool DropIndex(string name) => _indexes.RemoveAll(i => i.Name == name) > 0;

    internal void RenameIndex(string from, string to)
    {
        int at = _indexes.FindIndex(i => i.Name == from);
        if (at >= 0)
            _indexes[at] = _indexes[at] with { Name = to };
    }
}

internal static class SqlIndexKeyListExtensions
{
    internal static bool Exists(this IReadOnlyList<SqlIndexKey> keys, Func<SqlIndexKey, bool> match)
    {
        foreach (var key in keys)
        {
            if (match(key))
                return true;
        }
        return false;
    }
}
