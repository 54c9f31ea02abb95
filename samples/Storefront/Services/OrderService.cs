using Dapper;
using HighPerf;
using Npgsql;
using Storefront.Domain;

namespace Storefront.Services;

/// <summary>Places orders and reads them back.</summary>
public sealed partial class OrderService(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Prices the basket, takes the stock and records the order in one transaction. A product that would be
    /// oversold fails the whole order with the <c>products_stock_not_negative</c> check violation
    /// (<see cref="PostgresException"/>, SQLSTATE 23514): the database, not a racy read, enforces stock.
    /// </summary>
    [TrackPerformance]
    public partial Task<OrderReceipt> PlaceOrderAsync(
        long customerId, IReadOnlyList<OrderItem> items, CancellationToken cancellationToken = default);

    private async Task<OrderReceipt> PlaceOrderAsyncCore(
        long customerId, IReadOnlyList<OrderItem> items, CancellationToken cancellationToken)
    {
        long[] productIds = items.Select(item => item.ProductId).Order().ToArray();

        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Rows are locked in id order, so two baskets sharing products cannot deadlock on each other.
        IEnumerable<(long Id, decimal UnitPrice)> priceRows = await connection.QueryAsync<(long Id, decimal UnitPrice)>(new CommandDefinition(
            "SELECT id, unit_price FROM products WHERE id = ANY(@productIds) ORDER BY id FOR UPDATE",
            new { productIds }, transaction, cancellationToken: cancellationToken));
        Dictionary<long, decimal> prices = priceRows.ToDictionary(row => row.Id, row => row.UnitPrice);
        if (prices.Count != items.Count)
        {
            throw new ArgumentException("The basket names a product twice, or one that does not exist.", nameof(items));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE products SET stock = stock - @Quantity WHERE id = @ProductId",
            items, transaction, cancellationToken: cancellationToken));

        PricedLine[] lines = items.Select(item => new PricedLine(item.ProductId, item.Quantity, prices[item.ProductId])).ToArray();
        OrderQuote quote = PriceCalculator.Quote(lines);

        long orderId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO orders (customer_id, total) VALUES (@customerId, @total) RETURNING id",
            new { customerId, total = quote.Total }, transaction, cancellationToken: cancellationToken));

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price)
            VALUES (@OrderId, @LineNo, @ProductId, @Quantity, @UnitPrice)
            """,
            lines.Select((line, index) => new { OrderId = orderId, LineNo = (short)(index + 1), line.ProductId, line.Quantity, line.UnitPrice }),
            transaction, cancellationToken: cancellationToken));

        await transaction.CommitAsync(cancellationToken);
        return new OrderReceipt(orderId, quote.Total);
    }

    [TrackPerformance]
    public partial Task MarkPaidAsync(long orderId, string paymentReference, CancellationToken cancellationToken = default);

    private async Task MarkPaidAsyncCore(long orderId, string paymentReference, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE orders SET status = 'paid', payment_reference = @paymentReference WHERE id = @orderId AND status = 'placed'",
            new { orderId, paymentReference },
            cancellationToken: cancellationToken));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Order {orderId} does not exist or is not awaiting payment.");
        }
    }

    /// <summary>The order and its lines, read in one round trip.</summary>
    [TrackPerformance]
    public partial ValueTask<OrderDetails?> GetOrderAsync(long orderId, CancellationToken cancellationToken = default);

    private async ValueTask<OrderDetails?> GetOrderAsyncCore(long orderId, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using SqlMapper.GridReader results = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT id, customer_id, status, total, placed_at FROM orders WHERE id = @orderId;
            SELECT l.line_no, l.product_id, p.name AS product_name, l.quantity, l.unit_price
            FROM order_lines l
            JOIN products p ON p.id = l.product_id
            WHERE l.order_id = @orderId
            ORDER BY l.line_no;
            """,
            new { orderId },
            cancellationToken: cancellationToken));

        OrderDetails? order = await results.ReadSingleOrDefaultAsync<OrderDetails>();
        if (order is null)
        {
            return null;
        }

        IEnumerable<OrderLine> lines = await results.ReadAsync<OrderLine>();
        return order with { Lines = lines.AsList() };
    }
}
