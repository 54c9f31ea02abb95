using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>
/// The types that make an operation a SQL call site, resolved once per compilation. A null member means the
/// compilation does not reference that library, so its call sites cannot occur.
/// </summary>
internal sealed class SqlKnownTypes
{
    private SqlKnownTypes(Compilation compilation)
    {
        DapperSqlMapper = compilation.GetTypeByMetadataName("Dapper.SqlMapper");
        DapperCommandDefinition = compilation.GetTypeByMetadataName("Dapper.CommandDefinition");
        NpgsqlCommand = compilation.GetTypeByMetadataName("Npgsql.NpgsqlCommand");
        NpgsqlBatchCommand = compilation.GetTypeByMetadataName("Npgsql.NpgsqlBatchCommand");
        NpgsqlDataSource = compilation.GetTypeByMetadataName("Npgsql.NpgsqlDataSource");
        DbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
        DbBatchCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbBatchCommand");
        StringSyntaxAttribute = compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.StringSyntaxAttribute");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        Parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        String = compilation.GetSpecialType(SpecialType.System_String);
    }

    public INamedTypeSymbol? DapperSqlMapper { get; }
    public INamedTypeSymbol? DapperCommandDefinition { get; }
    public INamedTypeSymbol? NpgsqlCommand { get; }
    public INamedTypeSymbol? NpgsqlBatchCommand { get; }
    public INamedTypeSymbol? NpgsqlDataSource { get; }
    public INamedTypeSymbol? DbCommand { get; }
    public INamedTypeSymbol? DbBatchCommand { get; }
    public INamedTypeSymbol? StringSyntaxAttribute { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? Enumerable { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? Parallel { get; }
    public INamedTypeSymbol String { get; }

    /// <summary>Whether a call site is possible at all; when false the analyzer registers nothing.</summary>
    public bool CanHaveCallSites =>
        DapperSqlMapper is not null || NpgsqlCommand is not null || DbCommand is not null || StringSyntaxAttribute is not null;

    public static SqlKnownTypes Create(Compilation compilation) => new(compilation);

    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
