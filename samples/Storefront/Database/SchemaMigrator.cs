using System.Reflection;
using Npgsql;

namespace Storefront.Database;

/// <summary>Re-creates the sample's schema from the embedded <c>Migrations/*.sql</c> files, in file-name order.</summary>
public static class SchemaMigrator
{
    private const string ResourcePrefix = "Storefront.Migrations.";

    /// <returns>The names of the migrations applied.</returns>
    public static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        Assembly assembly = typeof(SchemaMigrator).Assembly;
        string[] migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (migrations.Length == 0)
        {
            throw new InvalidOperationException("No migrations are embedded in the Storefront assembly (Migrations/*.sql).");
        }

        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction,
            $"DROP SCHEMA IF EXISTS {StorefrontDatabase.SchemaName} CASCADE; CREATE SCHEMA {StorefrontDatabase.SchemaName};",
            cancellationToken);

        foreach (string migration in migrations)
        {
            await using Stream stream = assembly.GetManifestResourceStream(migration)!;
            using var reader = new StreamReader(stream);
            await ExecuteAsync(connection, transaction, await reader.ReadToEndAsync(cancellationToken), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return migrations.Select(name => name[ResourcePrefix.Length..]).ToArray();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
