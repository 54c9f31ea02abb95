using HighPerf;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HighPerf.Generators.Tests.TestClasses;

public sealed record OrderRow(long Id, string Customer, decimal Total);

/// <summary>A tracked repository that queries a real PostgreSQL through Npgsql.</summary>
public sealed partial class OrderRepository(NpgsqlDataSource dataSource, ILogger logger)
{
    [TrackPerformance(SlowThresholdMilliseconds = 200)]
    public partial ValueTask<OrderRow?> FindAsync(long id, CancellationToken cancellationToken = default);

    private async ValueTask<OrderRow?> FindAsyncCore(long id, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("SELECT id, customer, total FROM orders WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new OrderRow(reader.GetInt64(0), reader.GetString(1), reader.GetDecimal(2))
            : null;
    }

    [TrackPerformance(SlowThresholdMilliseconds = 200)]
    public partial Task<int> SleepAsync(double seconds, CancellationToken cancellationToken = default);

    private async Task<int> SleepAsyncCore(double seconds, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("SELECT 1 FROM pg_sleep($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = seconds });
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [TrackPerformance]
    public partial Task<long> CountBrokenAsync();

    private async Task<long> CountBrokenAsyncCore()
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("SELECT count(*) FROM no_such_table");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
