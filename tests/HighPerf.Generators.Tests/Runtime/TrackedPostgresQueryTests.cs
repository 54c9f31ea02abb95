using HighPerf.Diagnostics;
using HighPerf.Generators.Tests.Infrastructure;
using HighPerf.Generators.Tests.TestClasses;
using HighPerf.Testing.Postgres;
using Npgsql;

namespace HighPerf.Generators.Tests.Runtime;

/// <summary>[TrackPerformance] on methods that query a real, throwaway PostgreSQL 15.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TrackedPostgresQueryTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Prefix = "HighPerf.Generators.Tests.TestClasses.OrderRepository.";
    private readonly RecordingMeterListener _metrics = new();
    private readonly ListLogger _logger = new();
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        string connectionString = await postgres.Server.CreateDatabaseAsync("tracked_" + Guid.NewGuid().ToString("N")[..8]);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        await using NpgsqlCommand setup = _dataSource.CreateCommand("""
            CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(12,2) NOT NULL);
            INSERT INTO orders VALUES (1, 'ada', 12.50), (2, 'grace', 99.00);
            """);
        await setup.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        _metrics.Dispose();
        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task TrackedQuery_ReturnsTheRow_AndIsMeasuredAsSuccess()
    {
        var repository = new OrderRepository(_dataSource, _logger);

        OrderRow? order = await repository.FindAsync(2);
        OrderRow? missing = await repository.FindAsync(3);

        Assert.Equal(new OrderRow(2, "grace", 99.00m), order);
        Assert.Null(missing);
        var durations = _metrics.For(Prefix + "FindAsync").Where(m => m.Instrument == HighPerfDiagnostics.MethodDuration).ToList();
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.Equal(HighPerfDiagnostics.OutcomeSuccess, d.Outcome));
    }

    [Fact]
    public async Task QueryFailingInPostgres_IsRecordedWithThePostgresExceptionType()
    {
        var repository = new OrderRepository(_dataSource, _logger);

        var exception = await Assert.ThrowsAsync<PostgresException>(() => repository.CountBrokenAsync());

        Assert.Equal(PostgresErrorCodes.UndefinedTable, exception.SqlState);
        Measurement duration = Assert.Single(_metrics.For(Prefix + "CountBrokenAsync"), m => m.Instrument == HighPerfDiagnostics.MethodDuration);
        Assert.Equal("Npgsql.PostgresException", duration.Tags[HighPerfDiagnostics.ErrorTypeTag]);
    }

    [Fact]
    public async Task QuerySlowerThanTheThreshold_IsLogged_AndItsDurationCoversTheServerTime()
    {
        var repository = new OrderRepository(_dataSource, _logger);

        await repository.SleepAsync(0.3);

        Assert.Contains(_logger.Entries, e => e.EventId.Name == "SlowCall" && e.Message.Contains(Prefix + "SleepAsync"));
        Measurement duration = Assert.Single(_metrics.For(Prefix + "SleepAsync"), m => m.Instrument == HighPerfDiagnostics.MethodDuration);
        Assert.True(duration.Value >= 0.3, $"recorded {duration.Value}s for a 0.3s pg_sleep");
    }

    [Fact]
    public async Task QueryCanceledByTheCaller_IsRecordedAsCanceled()
    {
        var repository = new OrderRepository(_dataSource, _logger);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => repository.SleepAsync(30, cancellation.Token));

        Measurement duration = Assert.Single(_metrics.For(Prefix + "SleepAsync"), m => m.Instrument == HighPerfDiagnostics.MethodDuration);
        Assert.Equal(HighPerfDiagnostics.OutcomeCanceled, duration.Outcome);
    }
}
