using System.Collections.Generic;

namespace HighPerf.Analyzers.Sql;

/// <summary>
/// One key of an index: either a plain column (<see cref="Column"/>) or an expression, held as its normalized
/// text (<see cref="Expression"/>, see <see cref="SqlExpressionText"/>) so it can be compared with query expressions.
/// </summary>
internal sealed record SqlIndexKey(string? Column, string? Expression, bool Descending);

/// <summary>
/// An index as PostgreSQL would build it: from CREATE INDEX, or implicitly from PRIMARY KEY / UNIQUE.
/// <see cref="Predicate"/> is the normalized WHERE text of a partial index, null for a full index.
/// </summary>
internal sealed record SqlIndex(string Name, IReadOnlyList<SqlIndexKey> Keys, bool IsUnique, string Method, string? Predicate)
{
    /// <summary>Only btree indexes follow the leading-column rule the checks rely on.</summary>
    internal bool IsBtree => Method == "btree";
}
