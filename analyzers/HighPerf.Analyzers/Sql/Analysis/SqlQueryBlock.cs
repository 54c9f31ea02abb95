using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Analysis;

/// <summary>
/// One query level after binding, as the rules see it: a SELECT block, or the filter part of an UPDATE/DELETE
/// (<see cref="Select"/> null). <see cref="OrderBy"/> is empty when the level does not own the ORDER BY.
/// </summary>
internal sealed record SqlQueryBlock(
    SqlScope Scope,
    SqlExpr? Where,
    List<SqlJoin> Joins,
    List<SqlOrderItem> OrderBy,
    bool HasLimit,
    SqlSelect? Select,
    SqlQuery? Query,
    SqlQueryRole Role);
