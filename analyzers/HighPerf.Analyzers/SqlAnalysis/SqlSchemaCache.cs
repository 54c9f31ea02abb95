using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using HighPerf.Analyzers.Sql;
using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>
/// Parses the schema once per distinct set of <c>.sql</c> AdditionalFiles. The IDE starts a new compilation on
/// every keystroke while the migration files rarely change, so the last few schemas are kept, keyed by the
/// files' paths and texts (compared in full on a hash match, so a collision can never serve a wrong schema).
/// </summary>
internal sealed class SqlSchemaCache
{
    private const int Capacity = 4;

    private readonly object gate = new();
    private readonly LinkedList<Entry> entries = new();
    private int parseCount;

    /// <summary>The cache the analyzer uses; tests create their own to observe parsing.</summary>
    public static SqlSchemaCache Shared { get; } = new();

    /// <summary>How many times a schema was actually parsed (not served from the cache).</summary>
    public int ParseCount => Volatile.Read(ref parseCount);

    public SqlSchema GetSchema(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var files = SchemaFiles(additionalFiles, cancellationToken);
        if (files.Length == 0)
        {
            return SqlSchema.Empty;
        }

        var hash = Hash(files);
        lock (gate)
        {
            for (var node = entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Hash == hash && SameFiles(node.Value.Files, files))
                {
                    entries.Remove(node);
                    entries.AddFirst(node);
                    return node.Value.Schema;
                }
            }
        }

        // Parsed outside the lock: two threads may race on the same new content, which only costs one extra parse.
        var schema = SqlSchema.Parse(files, cancellationToken);
        Interlocked.Increment(ref parseCount);
        lock (gate)
        {
            entries.AddFirst(new Entry(hash, files, schema));
            if (entries.Count > Capacity)
            {
                entries.RemoveLast();
            }
        }

        return schema;
    }

    /// <summary>The <c>.sql</c> files among the AdditionalFiles, one per path, in ordinal path order.</summary>
    internal static SqlSchemaFile[] SchemaFiles(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var byPath = new SortedDictionary<string, SqlSchemaFile>(StringComparer.Ordinal);
        foreach (var file in additionalFiles)
        {
            if (file.Path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)
                && !byPath.ContainsKey(file.Path)
                && file.GetText(cancellationToken) is { } text)
            {
                byPath.Add(file.Path, new SqlSchemaFile(file.Path, text.ToString()));
            }
        }

        var result = new SqlSchemaFile[byPath.Count];
        byPath.Values.CopyTo(result, 0);
        return result;
    }

    private static int Hash(SqlSchemaFile[] files)
    {
        var hash = 17;
        foreach (var file in files)
        {
            hash = unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(file.Path));
            hash = unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(file.Text));
        }

        return hash;
    }

    private static bool SameFiles(SqlSchemaFile[] left, SqlSchemaFile[] right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!string.Equals(left[i].Path, right[i].Path, StringComparison.Ordinal)
                || !string.Equals(left[i].Text, right[i].Text, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Entry(int Hash, SqlSchemaFile[] Files, SqlSchema Schema);
}
