using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Rules;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Analysis;

internal sealed partial class SqlStatementAnalyzer
{
    private void AnalyzeSelect(SqlSelect select, SqlScope outer, SqlQuery query, SqlQueryRole role, bool ownsOrderBy)
    {
        var scope = new SqlScope(outer) { IsComplete = !select.HasUnknown };
        foreach (var item in select.From)
            Bind(item, scope, outer);

        var aliases = new HashSet<string>();
        foreach (var item in select.Items)
        {
            if (item.Alias is not null)
                aliases.Add(item.Alias);
            if (item.Expression is not null)
                Visit(item.Expression, scope);
        }

        var joinConditions = new List<SqlJoin>();
        foreach (var item in select.From)
            CollectJoins(item, joinConditions);
        foreach (var join in joinConditions)
        {
            if (join.On is not null)
                Visit(join.On, scope);
        }
        if (select.Where is not null)
            Visit(select.Where, scope);
        if (select.Having is not null)
            Visit(select.Having, scope);

        scope.OutputAliases = aliases;
        foreach (var group in select.GroupBy)
            Visit(group, scope);
        if (ownsOrderBy)
        {
            foreach (var order in query.OrderBy)
                Visit(order.Expression, scope);
        }
        scope.OutputAliases = null;

        var block = new SqlQueryBlock(
            scope,
            select.Where,
            joinConditions,
            ownsOrderBy ? query.OrderBy : new List<SqlOrderItem>(),
            query.Limit is not null || query.HasFetch,
            select,
            query,
            role);
        SelectStarRule.Check(block, this);
        UnboundedSelectRule.Check(block, this);
        CartesianJoinRule.Check(block, this);
        FunctionOnIndexedColumnRule.Check(block, this);
        UnindexedColumnRule.Check(block, this);
    }

    private static void CollectJoins(SqlFromItem item, List<SqlJoin> joins)
    {
        if (item is not SqlJoin join)
            return;
        CollectJoins(join.Left, joins);
        CollectJoins(join.Right, joins);
        joins.Add(join);
    }

    private void Bind(SqlFromItem item, SqlScope scope, SqlScope outer)
    {
        switch (item)
        {
            case SqlTableSource table:
                scope.Bindings.Add(BindTable(table, scope));
                break;
            case SqlSubquerySource subquery:
                AnalyzeQuery(subquery.Query, subquery.Lateral ? scope : outer, SqlQueryRole.Nested);
                scope.Bindings.Add(new SqlBinding(SqlBindingKind.Opaque, subquery.Alias ?? "", subquery.Alias, null, item));
                break;
            case SqlJoin join:
                Bind(join.Left, scope, outer);
                Bind(join.Right, scope, outer);
                break;
            default:
                scope.Bindings.Add(new SqlBinding(SqlBindingKind.Opaque, item.Alias ?? "", item.Alias, null, item));
                break;
        }
    }

    private SqlBinding BindTable(SqlTableSource source, SqlScope scope)
    {
        string name = source.Name;
        if (name.IndexOf('.') < 0 && scope.IsCte(name))
            return new SqlBinding(SqlBindingKind.Opaque, name, source.Alias, null, source);
        if (!_schema.IsKnown)
            return new SqlBinding(SqlBindingKind.UncheckedTable, name, source.Alias, null, source);
        if (_schema.TryGetTable(name, out var table))
            return new SqlBinding(SqlBindingKind.Table, name, source.Alias, table, source);
        if (!_schema.IsOpaque(name) && !IsSystemRelation(name))
            Report(SqlRuleIds.UnknownName, source.NameStart, source.NameEnd, "table", TextOf(source.NameStart, source.NameEnd));
        return new SqlBinding(SqlBindingKind.Opaque, name, source.Alias, null, source);
    }

    /// <summary>Catalog relations exist in every database without appearing in migrations.</summary>
    private static bool IsSystemRelation(string name) =>
        name.StartsWith("pg_", System.StringComparison.Ordinal)
        || name.StartsWith("pg_catalog.", System.StringComparison.Ordinal)
        || name.StartsWith("information_schema.", System.StringComparison.Ordinal);

    /// <summary>Resolves every column of the expression and analyzes its subqueries as nested levels.</summary>
    private void Visit(SqlExpr expression, SqlScope scope)
    {
        foreach (var node in SqlExprWalker.Descendants(expression))
        {
            switch (node)
            {
                case SqlColumnRef column:
                    Resolve(column, scope);
                    break;
                case SqlSubqueryExpr subquery:
                    AnalyzeQuery(subquery.Query, scope, subquery.Kind == SqlSubqueryKind.Exists ? SqlQueryRole.Exists : SqlQueryRole.Nested);
                    break;
                case SqlIn { Subquery: { } inQuery }:
                    AnalyzeQuery(inQuery, scope, SqlQueryRole.Nested);
                    break;
                case SqlBinary binary:
                    LeadingWildcardRule.Check(binary, this);
                    break;
            }
        }
    }
}
