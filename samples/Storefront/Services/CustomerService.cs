using Dapper;
using HighPerf;
using Npgsql;
using Storefront.Domain;

namespace Storefront.Services;

/// <summary>The customer's account pages.</summary>
public sealed partial class CustomerService(NpgsqlDataSource dataSource)
{
    [TrackPerformance]
    public partial Task<IReadOnlyList<OrderSummary>> GetRecentOrdersAsync(
        long customerId, int limit, CancellationToken cancellationToken = default);

    private async Task<IReadOnlyList<OrderSummary>> GetRecentOrdersAsyncCore(
        long customerId, int limit, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        IEnumerable<OrderSummary> orders = await connection.QueryAsync<OrderSummary>(new CommandDefinition(
            """
            SELECT id, status, total, placed_at
            FROM orders
            WHERE customer_id = @customerId
            ORDER BY placed_at DESC
            LIMIT @limit
            """,
            new { customerId, limit },
            cancellationToken: cancellationToken));
        return orders.AsList();
    }
}
