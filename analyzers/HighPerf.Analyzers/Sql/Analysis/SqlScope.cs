using System.Collections.Generic;

namespace HighPerf.Analyzers.Sql.Analysis;

/// <summary>
/// Names visible at one query level: FROM bindings, CTE names, and whether the level was parsed completely.
/// Lookups fall back to the parent (correlated subqueries see the outer query).
/// </summary>
internal sealed class SqlScope
{
    private readonly HashSet<string> _cteNames = new();

    internal SqlScope(SqlScope? parent) => Parent = parent;

    internal SqlScope? Parent { get; }

    internal List<SqlBinding> Bindings { get; } = new();

    /// <summary>False when part of this level was not understood: an unresolved name proves nothing.</summary>
    internal bool IsComplete { get; set; } = true;

    /// <summary>Output aliases of the select list, visible to ORDER BY and GROUP BY.</summary>
    internal HashSet<string>? OutputAliases { get; set; }

    internal void AddCte(string name) => _cteNames.Add(name);

    internal bool IsCte(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._cteNames.Contains(name))
                return true;
        }
        return false;
    }

    /// <summary>True when every binding of this level is a modelled table, so a missing column is a real error.</summary>
    internal bool HasOnlyKnownTables()
    {
        foreach (var binding in Bindings)
        {
            if (binding.Kind != SqlBindingKind.Table)
                return false;
        }
        return IsComplete;
    }
}
