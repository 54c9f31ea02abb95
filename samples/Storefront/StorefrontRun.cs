using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Storefront.Database;
using Storefront.Reporting;
using Storefront.Workload;

namespace Storefront;

/// <summary>One run of the sample: database up, schema and seed, workload, report, database down.</summary>
public static class StorefrontRun
{
    private const string ServicesNamespace = "Storefront.Services.";

    public static async Task RunAsync(StorefrontOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        long startTimestamp = Stopwatch.GetTimestamp();
        await using StorefrontDatabase database = await StorefrontDatabase.OpenAsync(options.ConnectionString, cancellationToken);
        output.WriteLine($"Database: {database.Description}, ready in {Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds:F1} s");

        await using NpgsqlDataSource dataSource = database.CreateDataSource();
        IReadOnlyList<string> migrations = await SchemaMigrator.ApplyAsync(dataSource, cancellationToken);
        SeedSummary seed = await DatabaseSeeder.SeedAsync(dataSource, cancellationToken);
        output.WriteLine(
            $"Schema: {string.Join(", ", migrations)}; seeded {seed.Products:N0} products, {seed.Customers:N0} customers, " +
            $"{seed.Orders:N0} orders, {seed.OrderLines:N0} order lines ({Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds:F1} s since start)");

        var workload = new WorkloadOptions();
        using MetricsCollector metrics = MetricsCollector.Start();
        var slowCalls = new SlowCallLogCounter();
        WorkloadTally tally;
        TimeSpan elapsed;
        output.WriteLine($"Workload: {workload.Operations:N0} visits by {workload.Workers} concurrent shoppers (slow calls are logged below)");
        await using (ServiceProvider services = StorefrontServices.Build(dataSource, seed, workload, slowCalls))
        {
            tally = services.GetRequiredService<WorkloadTally>();
            elapsed = await WorkloadRunner.RunAsync(services.GetRequiredService<Shopper>(), workload, cancellationToken);
        }

        // Disposing the services flushed the console logger, so the table is not interleaved with log lines.
        output.WriteLine();
        output.WriteLine(
            $"Done in {elapsed.TotalSeconds:F1} s: {tally.ProductViews:N0} product views, {tally.CategoryPages:N0} category browses, " +
            $"{tally.HistoryViews:N0} order histories, {tally.OrderViews:N0} order views, {tally.Checkouts:N0} checkouts " +
            $"({tally.OutOfStock:N0} refused: out of stock, {tally.PaymentTimeouts:N0} payment timeouts)");
        output.WriteLine();
        ReportTable.Write(output, metrics.Methods(), slowCalls, ServicesNamespace);
        output.WriteLine();
        output.WriteLine(database.IsEmbedded
            ? "Stopping the embedded PostgreSQL and deleting its files."
            : "Leaving the configured PostgreSQL running.");
    }
}
