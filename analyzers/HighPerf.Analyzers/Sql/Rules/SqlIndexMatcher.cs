using System.Collections.Generic;

namespace HighPerf.Analyzers.Sql.Rules;

internal enum SqlIndexVerdict : byte { Served, NotServed, Unsure }

/// <summary>Which index of a table can serve a column or an expression, by the btree leading-column rule.</summary>
internal static class SqlIndexMatcher
{
    /// <summary>
    /// A predicate on <paramref name="column"/> (a column name or a normalized expression) is served when a btree
    /// index has it as key i and keys 0..i-1 are
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

    /// <summary>True when the table has a partial or non-btree index, which might serve conditions the rule does not model.</summary>
    internal static bool HasUnmodelledIndexes(SqlTable table)
    {
        foreach (var index in table.Indexes)
        {
            if (!index.IsBtree || index.Predicate is not null)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Position of the key matching <paramref name="key"/> (a column name, or the normalized text of an expression:
    /// the two never collide, as normalized expressions contain spaces) behind an equality-constrained prefix;
    /// -1 when the index cannot serve it. A non-btree index answers with any position holding the key.
    /// </summary>
    private static int KeyPosition(SqlIndex index, string key, ICollection<string> equalityKeys)
    {
        for (int i = 0; i < index.Keys.Count; i++)
        {
            string current = index.Keys[i].Column ?? index.Keys[i].Expression!;
            if (current == key)
                return i;
            if (index.IsBtree && !equalityKeys.Contains(current))
                return -1;
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
