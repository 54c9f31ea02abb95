using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Rules;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Analysis;

internal sealed partial class SqlStatementAnalyzer
{
    private void AnalyzeInsert(SqlInsertStatement insert, SqlScope root)
    {
        if (insert.Source is not null)
            AnalyzeQuery(insert.Source, root, SqlQueryRole.Nested);
        var scope = TargetScope(insert, root);
        if (scope is null)
            return;
        var target = scope.Bindings[0];
        CheckTargetColumns(target, insert.Columns);
        CheckTargetColumns(target, insert.ConflictTarget);
        CheckTargetColumns(target, insert.ConflictUpdates);

        // DO UPDATE sees the proposed row as "excluded", with the target's columns.
        var conflictScope = new SqlScope(root) { IsComplete = scope.IsComplete };
        conflictScope.Bindings.Add(target);
        conflictScope.Bindings.Add(new SqlBinding(target.Kind, target.Name, "excluded", target.Table, null));
        foreach (var update in insert.ConflictUpdates)
        {
            if (update.Value is not null)
                Visit(update.Value, conflictScope);
        }
        if (insert.Where is not null)
            Visit(insert.Where, conflictScope);
        VisitReturning(insert, scope);
    }

    private void AnalyzeUpdate(SqlUpdateStatement update, SqlScope root)
    {
        var scope = TargetScope(update, root);
        if (scope is null)
            return;
        foreach (var item in update.From)
            Bind(item, scope, root);
        CheckTargetColumns(scope.Bindings[0], update.Assignments);
        foreach (var assignment in update.Assignments)
        {
            if (assignment.Value is not null)
                Visit(assignment.Value, scope);
        }
        AnalyzeDmlFilter(update, scope, update.From, "UPDATE");
    }

    private void AnalyzeDelete(SqlDeleteStatement delete, SqlScope root)
    {
        var scope = TargetScope(delete, root);
        if (scope is null)
            return;
        foreach (var item in delete.Using)
            Bind(item, scope, root);
        AnalyzeDmlFilter(delete, scope, delete.Using, "DELETE");
    }

    private void AnalyzeDmlFilter(SqlDmlStatement statement, SqlScope scope, List<SqlFromItem> extraItems, string verb)
    {
        var joins = new List<SqlJoin>();
        foreach (var item in extraItems)
            CollectJoins(item, joins);
        foreach (var join in joins)
        {
            if (join.On is not null)
                Visit(join.On, scope);
        }
        if (statement.Where is not null)
            Visit(statement.Where, scope);
        VisitReturning(statement, scope);

        if (!statement.HasWhere)
        {
            Report(SqlRuleIds.MissingWhere, statement.KeywordStart, statement.KeywordEnd, verb, statement.Target!.Name);
            return;
        }
        var block = new SqlQueryBlock(scope, statement.Where, joins, new List<SqlOrderItem>(), false, null, null, SqlQueryRole.Nested);
        FunctionOnIndexedColumnRule.Check(block, this);
        UnindexedColumnRule.Check(block, this);
    }

    /// <summary>A scope holding the statement's target table as its first binding; null when the target did not parse.</summary>
    private SqlScope? TargetScope(SqlDmlStatement statement, SqlScope root)
    {
        if (statement.Target is null)
            return null;
        var scope = new SqlScope(root) { IsComplete = !statement.HasUnknown };
        scope.Bindings.Add(BindTable(statement.Target, scope));
        return scope;
    }

    private void CheckTargetColumns(SqlBinding target, List<SqlAssignment> columns)
    {
        if (target.Kind != SqlBindingKind.Table)
            return;
        foreach (var column in columns)
        {
            if (!target.Table!.HasColumn(column.Column))
                Report(SqlRuleIds.UnknownName, column.Start, column.End, "column", TextOf(column.Start, column.End));
        }
    }

    private void VisitReturning(SqlDmlStatement statement, SqlScope scope)
    {
        foreach (var item in statement.Returning)
        {
            if (item.Expression is not null)
                Visit(item.Expression, scope);
        }
    }
}
