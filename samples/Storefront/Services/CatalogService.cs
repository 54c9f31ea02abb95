using Dapper;
using HighPerf;
using Npgsql;
using Storefront.Domain;

namespace Storefront.Services;

/// <summary>Reads the product catalogue: the product page and the category listing.</summary>
public sealed partial class CatalogService(NpgsqlDataSource dataSource)
{
    [TrackPerformance]
    public partial ValueTask<Product?> GetProductAsync(long productId, CancellationToken cancellationToken = default);

    private async ValueTask<Product?> GetProductAsyncCore(long productId, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Product>(new CommandDefinition(
            "SELECT id, sku, name, category, unit_price, stock FROM products WHERE id = @productId",
            new { productId },
            cancellationToken: cancellationToken));
    }

    /// <summary>One page of a category in id order; pass the last id of the previous page (0 for the first).</summary>
    [TrackPerformance]
    public partial Task<IReadOnlyList<Product>> GetCategoryPageAsync(
        string category, long afterProductId, int pageSize, CancellationToken cancellationToken = default);

    private async Task<IReadOnlyList<Product>> GetCategoryPageAsyncCore(
        string category, long afterProductId, int pageSize, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        IEnumerable<Product> page = await connection.QueryAsync<Product>(new CommandDefinition(
            """
            SELECT id, sku, name, category, unit_price, stock
            FROM products
            WHERE category = @category AND id > @afterProductId
            ORDER BY id
            LIMIT @pageSize
            """,
            new { category, afterProductId, pageSize },
            cancellationToken: cancellationToken));
        return page.AsList();
    }
}
