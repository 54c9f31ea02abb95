using HighPerf.Analyzers.Sql;
using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.Diagnostics;

/// <summary>
/// HP1xxx: PostgreSQL statements found in Dapper/Npgsql calls and [StringSyntax("PostgreSQL")] parameters.
/// The placeholders of each message match the arguments listed in <see cref="SqlRuleIds"/>.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    internal static readonly DiagnosticDescriptor SqlSelectStar = Create(
        SqlRuleIds.SelectStar,
        "Avoid SELECT *",
        "'{0}' selects every column; list the columns the code reads",
        SqlCategory,
        DiagnosticSeverity.Warning,
        "SELECT * reads and transfers columns the caller does not use, prevents index-only scans and breaks silently when columns are added or reordered.");

    internal static readonly DiagnosticDescriptor SqlUnindexedColumn = Create(
        SqlRuleIds.UnindexedColumn,
        "Filter, join or sort column is not indexed",
        "No index on '{0}' serves {1}, so the query scans the whole table; consider: {2}",
        SqlCategory,
        DiagnosticSeverity.Warning,
        "A WHERE, JOIN ON or ORDER BY ... LIMIT column that is not the leading column of any btree index (or the next column after equality-constrained ones) forces a sequential scan.");

    internal static readonly DiagnosticDescriptor SqlLeadingWildcard = Create(
        SqlRuleIds.LeadingWildcard,
        "LIKE pattern starts with a wildcard",
        "The pattern {0} starts with a wildcard, so no btree index can serve it; consider a pg_trgm GIN index or full-text search",
        SqlCategory,
        DiagnosticSeverity.Warning,
        "LIKE and ILIKE patterns that start with % or _ cannot use a btree index and scan every row.");

    internal static readonly DiagnosticDescriptor SqlFunctionOnIndexedColumn = Create(
        SqlRuleIds.FunctionOnIndexedColumn,
        "Function or cast on an indexed column",
        "'{0}' wraps the indexed column '{1}', so its index cannot be used; compare the bare column or add an expression index: {2}",
        SqlCategory,
        DiagnosticSeverity.Warning,
        "An index on a column serves predicates on the bare column only; a function call or cast around it needs an expression index.");

    internal static readonly DiagnosticDescriptor SqlMissingWhere = Create(
        SqlRuleIds.MissingWhere,
        "UPDATE or DELETE without WHERE",
        "{0} without WHERE changes every row of '{1}'",
        SqlCategory,
        DiagnosticSeverity.Warning,
        "An UPDATE or DELETE without a WHERE clause affects the whole table, which is rarely intended in application code.");

    internal static readonly DiagnosticDescriptor SqlQueryInLoop = Create(
        SqlRuleIds.QueryInLoop,
        "Query executed inside a loop",
        "'{0}' runs a query on every iteration of a loop (N+1); load the rows in one query or mark the method [Batched]",
        SqlCategory,
        DiagnosticSeverity.Warning,
        "One round trip per loop iteration multiplies latency; fetch all rows in one query or let [Batched] coalesce the calls.");

    internal static readonly DiagnosticDescriptor SqlNonConstantText = Create(
        SqlRuleIds.NonConstantSql,
        "SQL built from non-constant strings",
        "The SQL text is built from non-constant values ({0}); pass them as parameters to avoid SQL injection and plan-cache churn",
        SqlCategory,
        DiagnosticSeverity.Warning,
        "Interpolating or concatenating variables into SQL opens the door to SQL injection and defeats prepared-statement caching.");

    internal static readonly DiagnosticDescriptor SqlUnknownName = Create(
        SqlRuleIds.UnknownName,
        "Table or column not found in the schema",
        "The {0} '{1}' does not exist in the schema",
        SqlCategory,
        DiagnosticSeverity.Error,
        "The statement names a table or column that the migration files passed as AdditionalFiles do not declare.");

    internal static readonly DiagnosticDescriptor SqlUnboundedSelect = Create(
        SqlRuleIds.UnboundedSelect,
        "SELECT without WHERE or LIMIT",
        "The query reads every row of '{0}'; add a WHERE clause or a LIMIT",
        SqlCategory,
        DiagnosticSeverity.Info,
        "A SELECT with neither WHERE nor LIMIT returns the whole table, whose size grows with production data.");

    internal static readonly DiagnosticDescriptor SqlCartesianJoin = Create(
        SqlRuleIds.CartesianJoin,
        "Join without a join condition",
        "'{0}' is joined without a condition, producing a cartesian product",
        SqlCategory,
        DiagnosticSeverity.Warning,
        "A comma join with no WHERE predicate linking the tables, or a join ON a constant, returns every combination of rows.");

    internal static readonly DiagnosticDescriptor SqlOffsetPagination = Create(
        SqlRuleIds.OffsetPagination,
        "OFFSET pagination",
        "OFFSET reads and discards every skipped row; use keyset pagination (WHERE key > @last ORDER BY key LIMIT n)",
        SqlCategory,
        DiagnosticSeverity.Info,
        "The cost of OFFSET grows with the page number, and rows shift between pages when data changes.");
}
