using System.Collections.Generic;
using HighPerf.Analyzers.Sql.Syntax;

namespace HighPerf.Analyzers.Sql.Analysis;

/// <summary>Enumerates expression trees without recursion into subqueries (those are separate query levels).</summary>
internal static class SqlExprWalker
{
    /// <summary>Adds the direct sub-expressions of <paramref name="expression"/> to <paramref name="children"/>.</summary>
    internal static void AddChildren(SqlExpr expression, List<SqlExpr> children)
    {
        switch (expression)
        {
            case SqlBinary binary:
                children.Add(binary.Left);
                children.Add(binary.Right);
                break;
            case SqlUnary unary:
                children.Add(unary.Operand);
                break;
            case SqlIn inList:
                children.Add(inList.Operand);
                if (inList.Items is not null)
                    children.AddRange(inList.Items);
                break;
            case SqlBetween between:
                children.Add(between.Operand);
                children.Add(between.Low);
                children.Add(between.High);
                break;
            case SqlFunctionCall call:
                children.AddRange(call.Arguments);
                break;
            case SqlCast cast:
                children.Add(cast.Operand);
                break;
            case SqlCase sqlCase:
                if (sqlCase.Operand is not null)
                    children.Add(sqlCase.Operand);
                children.AddRange(sqlCase.Parts);
                break;
            case SqlQuantified quantified:
                children.Add(quantified.Left);
                children.Add(quantified.Right);
                break;
            case SqlList list:
                children.AddRange(list.Items);
                break;
        }
    }

    /// <summary>All nodes of the tree (pre-order), subqueries excluded.</summary>
    internal static List<SqlExpr> Descendants(SqlExpr root)
    {
        var result = new List<SqlExpr>();
        var pending = new Stack<SqlExpr>();
        var children = new List<SqlExpr>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            result.Add(node);
            children.Clear();
            AddChildren(node, children);
            for (int i = children.Count - 1; i >= 0; i--)
                pending.Push(children[i]);
        }
        return result;
    }

    /// <summary>The AND-ed parts of a condition (<c>a AND (b AND c)</c> gives a, b, c); OR groups stay whole.</summary>
    internal static List<SqlExpr> Conjuncts(SqlExpr? condition)
    {
        var result = new List<SqlExpr>();
        if (condition is null)
            return result;
        var pending = new Stack<SqlExpr>();
        pending.Push(condition);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is SqlBinary { Operator: "and" } and)
            {
                pending.Push(and.Right);
                pending.Push(and.Left);
            }
            else
            {
                result.Add(node);
            }
        }
        return result;
    }

    internal static bool ContainsUnknown(SqlExpr expression)
    {
        foreach (var node in Descendants(expression))
        {
            if (node is SqlUnknownExpr)
                return true;
        }
        return false;
    }
}
