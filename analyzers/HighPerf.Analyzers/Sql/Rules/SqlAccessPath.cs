using HighPerf.Analyzers.Sql.Analysis;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Rules;

/// <summary>Where an access path comes from; the order is the preference for reporting and for suggested keys.</summary>
internal enum SqlAccessPathKind : byte { Filter, Join, OrderBy }

/// <summary>
/// A way an index could reach rows of <see cref="Binding"/>: a sargable predicate or an ORDER BY key.
/// <see cref="Column"/> is a column name, or for <see cref="IsExpression"/> paths the normalized text of an
/// expression (<c>lower ( sku )</c>) that only an expression index can serve.
/// </summary>
internal sealed record SqlAccessPath(
    SqlBinding Binding,
    string Column,
    bool IsEquality,
    SqlAccessPathKind Kind,
    SqlColumnRef Reference,
    SqlBinding? Partner,
    bool IsExpression = false);
