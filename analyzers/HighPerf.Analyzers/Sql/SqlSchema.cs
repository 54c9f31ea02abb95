using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace HighPerf.Analyzers.Sql;

/// <summary>
/// The tables, columns and indexes declared by the migration files, after applying them in ordinal file-name
/// order. Parse once per distinct set of files; the instance is immutable once built and safe to share.
/// Names are stored folded (unquoted identifiers in lower case, quoted ones as written) and without the
/// <c>public.</c> schema prefix; other schemas keep their <c>schema.name</c> form.
/// </summary>
internal sealed class SqlSchema
{
    internal static readonly SqlSchema Empty = new(isKnown: false);

    private readonly Dictionary<string, SqlTable> _tables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _opaqueNames = new(StringComparer.Ordinal);

    private SqlSchema(bool isKnown) => IsKnown = isKnown;

    /// <summary>False for <see cref="Empty"/>: the rules that need a schema stay silent.</summary>
    internal bool IsKnown { get; }

    internal IEnumerable<SqlTable> Tables => _tables.Values;

    internal static SqlSchema Parse(IEnumerable<SqlSchemaFile> files, CancellationToken ct)
    {
        var ordered = files
            .OrderBy(f => FileName(f.Path), StringComparer.Ordinal)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count == 0)
            return Empty;

        var schema = new SqlSchema(isKnown: true);
        var builder = new SqlSchemaBuilder(schema);
        foreach (var file in ordered)
        {
            ct.ThrowIfCancellationRequested();
            builder.Apply(file.Text, ct);
        }
        return schema;
    }

    internal bool TryGetTable(string name, out SqlTable table)
    {
        if (_tables.TryGetValue(Normalize(name), out var found))
        {
            table = found;
            return true;
        }
        table = null!;
        return false;
    }

    /// <summary>A relation the schema declares but does not model (view, function, partition, type...).</summary>
    internal bool IsOpaque(string name) => _opaqueNames.Contains(Normalize(name));

    /// <summary>True when the name is a table or an opaque relation.</summary>
    internal bool Declares(string name) => _tables.ContainsKey(Normalize(name)) || IsOpaque(name);

    internal void AddTable(SqlTable table)
    {
        string key = Normalize(table.Name);
        _opaqueNames.Remove(key);
        _tables[key] = table;
    }

    internal void RemoveTable(string name) => _tables.Remove(Normalize(name));

    internal void RenameTable(SqlTable table, string newName)
    {
        _tables.Remove(Normalize(table.Name));
        table.Rename(newName);
        _tables[Normalize(newName)] = table;
    }

    internal void AddOpaque(string name)
    {
        string key = Normalize(name);
        if (!_tables.ContainsKey(key))
            _opaqueNames.Add(key);
    }

    internal void RemoveOpaque(string name) => _opaqueNames.Remove(Normalize(name));

    internal static string Normalize(string name) =>
        name.StartsWith("public.", StringComparison.Ordinal) ? name.Substring("public.".Length) : name;

    private static string FileName(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}
