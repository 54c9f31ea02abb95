namespace HighPerf.Analyzers.Sql;

/// <summary>
/// Rule ids of the SQL checks. The engine raises HP1001-HP1005 and HP1008-HP1011; the Roslyn adapter raises
/// HP1006 and HP1007 itself. The message arguments each rule sends are listed next to its id and must match the
/// placeholders of the descriptor with the same id in DiagnosticDescriptors.Sql.cs.
/// </summary>
internal static class SqlRuleIds
{
    /// <summary>Args: {0} the star text (<c>*</c> or <c>o.*</c>).</summary>
    internal const string SelectStar = "HP1001";

    /// <summary>Args: {0} table, {1} column(s) judged, {2} CREATE INDEX suggestion.</summary>
    internal const string UnindexedColumn = "HP1002";

    /// <summary>Args: {0} the pattern literal as written.</summary>
    internal const string LeadingWildcard = "HP1003";

    /// <summary>Args: {0} the wrapping expression text, {1} table.column, {2} CREATE INDEX suggestion.</summary>
    internal const string FunctionOnIndexedColumn = "HP1004";

    /// <summary>Args: {0} UPDATE or DELETE, {1} table.</summary>
    internal const string MissingWhere = "HP1005";

    /// <summary>Raised by the adapter. Args: {0} the called method.</summary>
    internal const string QueryInLoop = "HP1006";

    /// <summary>Raised by the adapter. Args: {0} the non-constant parts.</summary>
    internal const string NonConstantSql = "HP1007";

    /// <summary>Args: {0} "table" or "column", {1} the name as written.</summary>
    internal const string UnknownName = "HP1008";

    /// <summary>Args: {0} table.</summary>
    internal const string UnboundedSelect = "HP1009";

    /// <summary>Args: {0} the table or alias joined without a condition.</summary>
    internal const string CartesianJoin = "HP1010";

    /// <summary>No args.</summary>
    internal const string OffsetPagination = "HP1011";
}
