using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Storefront;
using Storefront.Database;
using Storefront.Reporting;
using Storefront.Workload;

StorefrontOptions? options = StorefrontOptions.Parse(args, Environment.GetEnvironmentVariable(StorefrontOptions.ConnectionStringVariable));
if (options is null)
{
    Console.Error.WriteLine(StorefrontOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop the workload and fall through to the disposals below, which stop the embedded PostgreSQL.
    e.Cancel = true;
    stop.Cancel();
};

// Columns such as unit_price map to properties such as UnitPrice.
DefaultTypeMap.MatchNamesWithUnderscores = true;

long startTimestamp = Stopwatch.GetTimestamp();
await using StorefrontDatabase database = await StorefrontDatabase.OpenAsync(options.ConnectionString, stop.Token);
Console.WriteLine($"Database: {database.Description}, ready in {Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds:F1} s");

await using NpgsqlDataSource dataSource = database.CreateDataSource();
IReadOnlyList<string> migrations = await SchemaMigrator.ApplyAsync(dataSource, stop.Token);
SeedSummary seed = await DatabaseSeeder.SeedAsync(dataSource, stop.Token);
Console.WriteLine(
    $"Schema: {string.Join(", ", migrations)}; seeded {seed.Products:N0} products, {seed.Customers:N0} customers, " +
    $"{seed.Orders:N0} orders, {seed.OrderLines:N0} order lines ({Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds:F1} s since start)");

var workload = new WorkloadOptions();
using MetricsCollector metrics = MetricsCollector.Start();
var slowCalls = new SlowCallLogCounter();
WorkloadTally tally;
TimeSpan elapsed;
Console.WriteLine($"Workload: {workload.Operations:N0} visits by {workload.Workers} concurrent shoppers (slow calls are logged below)");
await using (ServiceProvider services = StorefrontServices.Build(dataSource, seed, workload, slowCalls))
{
    tally = services.GetRequiredService<WorkloadTally>();
    elapsed = await WorkloadRunner.RunAsync(services.GetRequiredService<Shopper>(), workload, stop.Token);
}

// Disposing the services flushed the console logger, so the table is not interleaved with log lines.
Console.WriteLine();
Console.WriteLine(
    $"Done in {elapsed.TotalSeconds:F1} s: {tally.ProductViews:N0} product views, {tally.CategoryPages:N0} category browses, " +
    $"{tally.HistoryViews:N0} order histories, {tally.OrderViews:N0} order views, {tally.Checkouts:N0} checkouts " +
    $"({tally.OutOfStock:N0} refused: out of stock, {tally.PaymentTimeouts:N0} payment timeouts)");
Console.WriteLine();
ReportTable.Write(Console.Out, metrics.Methods(), slowCalls, namespacePrefix: "Storefront.Services.");
Console.WriteLine();
Console.WriteLine(database.IsEmbedded ? "Stopping the embedded PostgreSQL and deleting its files." : "Leaving the configured PostgreSQL running.");
return 0;
