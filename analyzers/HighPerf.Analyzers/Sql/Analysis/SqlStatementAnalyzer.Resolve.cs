using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Analysis;

internal sealed partial class SqlStatementAnalyzer
{
    /// <summary>
    /// Binds a column reference to the relation that provides it, innermost level first, and reports HP1008 only
    /// when the answer is certain: the qualifier names a modelled table that lacks the column, or an unqualified
    /// name matches nothing while every level in reach holds only modelled tables.
    /// </summary>
    private void Resolve(SqlColumnRef column, SqlScope scope)
    {
        if (column.Parts.Count == 1 && !column.IsStar)
            ResolveUnqualified(column, scope);
        else
            ResolveQualified(column, scope);
    }

    private void ResolveQualified(SqlColumnRef column, SqlScope scope)
    {
        string qualifier = column.IsStar ? string.Join(".", column.Parts) : column.Qualifier!;
        for (var level = scope; level is not null; level = level.Parent)
        {
            foreach (var binding in level.Bindings)
            {
                if (!binding.Matches(qualifier))
                    continue;
                if (column.IsStar)
                    return;
                if (binding.Kind == SqlBindingKind.Table && !binding.Table!.HasColumn(column.Name))
                    ReportUnknownColumn(column);
                else
                    _resolved[column] = binding;
                return;
            }
        }
    }

    private void ResolveUnqualified(SqlColumnRef column, SqlScope scope)
    {
        string name = column.Name;
        bool certain = _schema.IsKnown;
        for (var level = scope; level is not null; level = level.Parent)
        {
            if (level.OutputAliases is not null && level.OutputAliases.Contains(name))
                return;

            SqlBinding? match = null;
            int matches = 0;
            foreach (var binding in level.Bindings)
            {
                if (binding.Kind == SqlBindingKind.Table && binding.Table!.HasColumn(name))
                {
                    match = binding;
                    matches++;
                }
                else if (binding.Alias == name || (binding.Alias is null && binding.Name == name))
                {
                    // A whole-row reference to a relation (row_to_json(t)).
                    return;
                }
            }
            if (matches == 1 && level.HasOnlyKnownTables())
            {
                _resolved[column] = match!;
                return;
            }
            if (matches > 0 || !level.HasOnlyKnownTables())
                return;
            certain &= level.IsComplete;
        }
        if (certain && scope.Bindings.Count > 0)
            ReportUnknownColumn(column);
    }

    private void ReportUnknownColumn(SqlColumnRef column) =>
        Report(SqlRuleIds.UnknownName, column.Start, column.End, "column", TextOf(column.Start, column.End));
}
