namespace HighPerf.Analyzers.Sql.Rules;

/// <summary>PostgreSQL type-name aliases reduced to one spelling, so a cast can be compared with a column type.</summary>
internal static class SqlTypeNames
{
    internal static string Canonical(string typeName)
    {
        string name = typeName.Trim();
        int paren = name.IndexOf('(');
        if (paren >= 0)
            name = name.Substring(0, paren).Trim();
        if (name.StartsWith("pg_catalog.", System.StringComparison.Ordinal))
            name = name.Substring("pg_catalog.".Length);
        return name switch
        {
            "int" or "integer" or "int4" or "serial" or "serial4" => "integer",
            "bigint" or "int8" or "bigserial" or "serial8" => "bigint",
            "smallint" or "int2" or "smallserial" or "serial2" => "smallint",
            "bool" or "boolean" => "boolean",
            "decimal" or "numeric" => "numeric",
            "float8" or "double precision" or "float" => "double precision",
            "float4" or "real" => "real",
            "timestamptz" or "timestamp with time zone" => "timestamptz",
            "timestamp" or "timestamp without time zone" => "timestamp",
            "timetz" or "time with time zone" => "timetz",
            "time" or "time without time zone" => "time",
            "varchar" or "character varying" => "varchar",
            "char" or "character" or "bpchar" => "char",
            _ => name,
        };
    }

    internal static bool IsText(string canonical) => canonical is "text" or "varchar" or "char" or "name" or "citext";
}
