using System.Collections.Generic;

namespace HighPerf.Analyzers.Sql.Rules;

internal enum SqlIndexVerdict : byte { Served, NotServed, Unsure }

/// <summary>Which index of a table can serve a column or an expression, by the btree leading-column rule.</summary>
internal static class SqlIndexMatcher
{
    /// <summary>
    /// A predicate on <paramref name="column"/> is served when a btree index has it as key i and keys 0..i-1 are
    /// all constrained by equality. A partial index counts only when its predicate is one of the query's
    /// conjuncts, textually; any other index that might serve (partial, hash, gin...) makes the answer Unsure.
    /// </summary>
    internal static SqlIndexVerdict Serves(SqlTable table, string column, ICollection<string> equalityColumns, ICollection<string> conjunctTexts)
    {
        var verdict = SqlIndexVerdict.NotServed;
        foreach (var index in table.Indexes)
        {
            int position = KeyPosition(index, column, equalityColumns);
            if (position < 0)
                continue;
            bool usable = index.IsBtree && (index.Predicate is null || conjunctTexts.Contains(index.Predicate));
            if (usable)
                return SqlIndexVerdict.Served;
            verdict = SqlIndexVerdict.Unsure;
        }
        return verdict;
    }

    /// <summary>True when some btree index starts with <paramref name="column"/>.</summary>
    internal static bool IsLeadingColumn(SqlTable table, string column)
    {
        foreach (var index in table.Indexes)
        {
            if (index.IsBtree && index.Keys.Count > 0 && index.Keys[0].Column == column)
                return true;
        }
        return false;
    }

    internal static bool HasExpressionIndex(SqlTable table, string normalizedExpression)
    {
        foreach (var index in table.Indexes)
        {
            foreach (var key in index.Keys)
            {
                if (key.Expression == normalizedExpression)
                    return true;
            }
        }
        return false;
    }

    /// <summary>True when the table has an index the leading-column rule cannot reason about.</summary>
    internal static bool HasUnmodelledIndexes(SqlTable table)
    {
        foreach (var index in table.Indexes)
        {
            if (!index.IsBtree || index.Predicate is not null)
                return true;
            foreach (var key in index.Keys)
            {
                if (key.Expression is not null)
                    return true;
            }
        }
        return false;
    }

    private static int KeyPosition(SqlIndex index, string column, ICollection<string> equalityColumns)
    {
        for (int i = 0; i < index.Keys.Count; i++)
        {
            var key = index.Keys[i];
            if (key.Column == column)
                return i;
            if (!index.IsBtree || key.Column is null || !equalityColumns.Contains(key.Column))
                return index.IsBtree ? -1 : IndexOfColumn(index, column);
        }
        return -1;
    }

    private static int IndexOfColumn(SqlIndex index, string column)
    {
        for (int i = 0; i < index.Keys.Count; i++)
        {
            if (index.Keys[i].Column == column)
                return i;
        }
        return -1;
    }

    /// <summary>A conventional index name: ix_orders_customer_id_created_at.</summary>
    internal static string SuggestName(string table, IEnumerable<string> parts)
    {
        int dot = table.LastIndexOf('.');
        return "ix_" + (dot < 0 ? table : table.Substring(dot + 1)) + "_" + string.Join("_", parts);
    }
}
