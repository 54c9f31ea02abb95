using HighPerf.Analyzers.Sql.Lexing;

namespace HighPerf.Analyzers.Sql;

/// <summary>Reads possibly qualified names (<c>public.orders</c>, <c>"Orders"</c>) as folded strings.</summary>
internal static class SqlNames
{
    /// <summary>Reads name[.name[.name]]; returns null (consuming nothing) when no name starts here.</summary>
    internal static string? ReadQualifiedName(SqlTokenCursor cursor)
    {
        if (!cursor.Current.IsName)
            return null;
        string name = cursor.Advance().Value;
        while (cursor.Current.Kind == SqlTokenKind.Dot && cursor.Peek(1).IsName)
        {
            cursor.Advance();
            name += "." + cursor.Advance().Value;
        }
        return name;
    }
}
