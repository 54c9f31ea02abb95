using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Analysis;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Rules;

/// <summary>
/// Sorts the AND-ed conditions of one query level into access paths per table (sargable predicates on a bare
/// column), neutral filters (that no btree index could serve anyway) and conditions that block any verdict.
/// </summary>
internal sealed class SqlAccessPathAnalysis
{
    private readonly SqlQueryBlock _block;
    private readonly SqlStatementAnalyzer _analyzer;
    private readonly List<SqlAccessPath> _paths = new();
    private readonly HashSet<SqlBinding> _blocked = new();

    internal SqlAccessPathAnalysis(SqlQueryBlock block, SqlStatementAnalyzer analyzer)
    {
        _block = block;
        _analyzer = analyzer;
    }

    /// <summary>Normalized text of every conjunct, to tell whether a partial index predicate is implied.</summary>
    internal HashSet<string> ConjunctTexts { get; } = new();

    internal bool IsBlocked(SqlBinding binding) => _blocked.Contains(binding);

    /// <summary>Paths on the binding; join paths only when the partner table is filtered by a sargable predicate.</summary>
    internal List<SqlAccessPath> PathsOf(SqlBinding binding)
    {
        var result = new List<SqlAccessPath>();
        foreach (var path in _paths)
        {
            if (path.Binding == binding && (path.Kind != SqlAccessPathKind.Join || IsFiltered(path.Partner!)))
                result.Add(path);
        }
        return result;
    }

    /// <summary>Adds one conjunct; false when it makes the whole level unjudgeable.</summary>
    internal bool Add(SqlExpr conjunct)
    {
        ConjunctTexts.Add(_analyzer.NormalizedText(conjunct));
        var local = new HashSet<SqlBinding>();
        bool outer = false;
        foreach (var node in SqlExprWalker.Descendants(conjunct))
        {
            if (node is SqlUnknownExpr or SqlSubqueryExpr or SqlIn { Subquery: not null })
                return false;
            if (node is not SqlColumnRef column)
                continue;
            if (_analyzer.BindingOf(column) is not { } binding)
                return false;
            if (_block.Scope.Bindings.Contains(binding))
                local.Add(binding);
            else
                outer = true;
        }

        if (local.Count == 0)
            return true;
        if (!outer && TryAddSargable(conjunct))
            return true;
        if (outer || !IsNeutral(conjunct, local))
            _blocked.UnionWith(local);
        return true;
    }

    /// <summary>ORDER BY col LIMIT n on a single-table level: an index on col avoids reading the whole table.</summary>
    internal void AddOrderBy()
    {
        if (!_block.HasLimit || _block.OrderBy.Count == 0 || _block.Scope.Bindings.Count != 1)
            return;
        if (_block.OrderBy[0].Expression is SqlColumnRef column && _analyzer.BindingOf(column) is { Kind: SqlBindingKind.Table } binding
            && _block.Scope.Bindings.Contains(binding))
            _paths.Add(new SqlAccessPath(binding, column.Name, false, SqlAccessPathKind.OrderBy, column, null));
    }

    private bool TryAddSargable(SqlExpr conjunct)
    {
        switch (conjunct)
        {
            case SqlBinary { Operator: "=" or "<" or ">" or "<=" or ">=" } binary:
                bool isEquality = binary.Operator == "=";
                bool added = TryAddPath(binary.Left, isEquality, binary.Right);
                added |= TryAddPath(binary.Right, isEquality, binary.Left);
                return added || TryAddExpressionPath(binary.Left, isEquality, binary.Right) || TryAddExpressionPath(binary.Right, isEquality, binary.Left);
            case SqlBetween { Negated: false } between:
                return TryAddPath(between.Operand, false, between.Low, between.High);
            case SqlIn { Negated: false, Items: { } items }:
                return TryAddPath(((SqlIn)conjunct).Operand, true, items.ToArray());
            case SqlQuantified { Operator: "=", Quantifier: "any" or "some" } quantified:
                return TryAddPath(quantified.Left, true, quantified.Right);
            default:
                return false;
        }
    }

    private bool TryAddPath(SqlExpr columnSide, bool isEquality, params SqlExpr[] others)
    {
        if (columnSide is not SqlColumnRef column || _analyzer.BindingOf(column) is not { Kind: SqlBindingKind.Table } binding)
            return false;
        SqlBinding? partner = null;
        foreach (var other in others)
        {
            foreach (var node in SqlExprWalker.Descendants(other))
            {
                if (node is not SqlColumnRef otherColumn)
                    continue;
                var otherBinding = _analyzer.BindingOf(otherColumn);
                if (otherBinding == binding || (partner is not null && otherBinding != partner))
                    return false;
                partner = otherBinding;
            }
        }
        var kind = partner is null ? SqlAccessPathKind.Filter : SqlAccessPathKind.Join;
        _paths.Add(new SqlAccessPath(binding, column.Name, isEquality, kind, column, partner));
        return true;
    }

    /// <summary>
    /// lower(sku) = @sku: a path only an expression index on exactly that expression serves. Without one it is a
    /// plain filter (HP1004 covers the indexed-column case), so an unserved expression path is never reported.
    /// </summary>
    private bool TryAddExpressionPath(SqlExpr side, bool isEquality, SqlExpr other)
    {
        if (side is not (SqlFunctionCall { HasParentheses: true, IsWindow: false } or SqlCast))
            return false;
        SqlColumnRef? column = null;
        foreach (var node in SqlExprWalker.Descendants(side))
        {
            if (node is not SqlColumnRef reference)
                continue;
            if (column is not null || _analyzer.BindingOf(reference) is not { Kind: SqlBindingKind.Table })
                return false;
            column = reference;
        }
        if (column is null)
            return false;
        var binding = _analyzer.BindingOf(column)!;
        foreach (var node in SqlExprWalker.Descendants(other))
        {
            if (node is SqlColumnRef)
                return false;
        }
        _paths.Add(new SqlAccessPath(binding, _analyzer.NormalizedText(side), isEquality, SqlAccessPathKind.Filter, column, null, IsExpression: true));
        return true;
    }

    private bool IsFiltered(SqlBinding binding)
    {
        foreach (var path in _paths)
        {
            if (path.Binding == binding && path.Kind == SqlAccessPathKind.Filter)
                return true;
        }
        return false;
    }

    /// <summary>
    /// A condition on one table that no plain btree index could serve (&lt;&gt;, NOT LIKE, a leading wildcard,
    /// IS NOT NULL): it filters rows but changes no index verdict. Only when the table has no partial or non-btree
    /// index, which might serve it after all.
    /// </summary>
    private static bool IsNeutral(SqlExpr conjunct, HashSet<SqlBinding> local)
    {
        if (local.Count != 1)
            return false;
        foreach (var binding in local)
        {
            if (binding.Kind != SqlBindingKind.Table || SqlIndexMatcher.HasUnmodelledIndexes(binding.Table!))
                return false;
        }
        return conjunct switch
        {
            SqlBinary { Operator: "<>" or "!=" or "not like" or "not ilike" } => true,
            SqlBinary { Operator: "like" or "ilike" } like => StartsWithWildcard(like.Right),
            SqlUnary { Operator: "is not null" } => true,
            _ => false,
        };
    }

    private static bool StartsWithWildcard(SqlExpr pattern)
    {
        while (pattern is SqlBinary { Operator: "||" } concatenation)
            pattern = concatenation.Left;
        return pattern is SqlLiteral { Kind: SqlLiteralKind.String } literal && literal.Value.Length > 0 && literal.Value[0] is '%' or '_';
    }
}
