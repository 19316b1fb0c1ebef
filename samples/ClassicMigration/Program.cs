using ClassicMigration;
using Connect.Sdk;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Migration;
using Connect.Sdk.Settings;
using Connect.Sdk.Shopify;
using Microsoft.Extensions.DependencyInjection;

// "Daten migrieren": a classic Shopify connection's export becomes a Shopify connector connection.
// dotnet run --project samples/ClassicMigration [-- --rows 10000 --store classic-migration.db]
var rows = int.Parse(Option("--rows") ?? "10000", System.Globalization.CultureInfo.InvariantCulture);
var storePath = Path.GetFullPath(Option("--store") ?? Path.Combine(Path.GetTempPath(), $"classic-migration-{Guid.NewGuid():N}.db"));

var export = new ClassicShopExport(rows);
var csvPath = Path.ChangeExtension(storePath, ".fremdnummern.csv");
await File.WriteAllBytesAsync(csvPath, export.ToBytes());

var services = new ServiceCollection();
services.AddConnectSdk()
    .AddShopify()
    .UseArticleCatalog(new InMemoryArticleCatalog().Add(export.Articles))
    .UseSqlite(storePath);
await using var provider = services.BuildServiceProvider();
var migration = provider.GetRequiredService<ClassicConnectionMigration>();

// The classic connection's settings, under the Shopify connector's keys; it was live ("Automatisch"), which the
// migration does not carry over: the new connection starts in the test phase.
var settings = new ClassicSettings
{
    ImportMode = ImportMode.Automatic,
    TrackingFeedback = true,
    StockSync = true,
    ArticlesWithoutStockSync = new HashSet<string> { "00007", "00013" },
    Settings = new Dictionary<string, string> { [ShopifyConnector.ShopKey] = "classic-shop.myshopify.com", [ShopifyConnector.LocationKey] = "71234567890" },
    Credentials = new Dictionary<string, SecretValue> { [ShopifyConnector.AccessTokenKey] = new("shpat_sample-classic-token") },
};
Console.WriteLine($"Classic export: {csvPath} ({rows:N0} rows) · store: {storePath}");
Console.WriteLine();

#region snippet: classic-migration
await using var file = File.OpenRead(csvPath);
var classic = await ClassicExport.ReadAsync(new ConnectionId("shopify-de"), ConnectorId.Shopify, "Shopify DE", settings, file, CancellationToken.None);

Console.WriteLine("== Dry run");
Console.WriteLine((await migration.DryRunAsync(classic, CancellationToken.None)).Describe());
Console.WriteLine("== Apply");
Console.WriteLine(await migration.ApplyAsync(classic, new Actor("sample"), CancellationToken.None));
#endregion
var connection = await provider.GetRequiredService<IConnectionStore>().GetAsync(classic.Target, CancellationToken.None);
Console.WriteLine($"Connection: {connection}");
Console.WriteLine();
Console.WriteLine("== Apply again");
Console.WriteLine(await migration.ApplyAsync(classic, new Actor("sample"), CancellationToken.None));
return 0;

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
