using Connect.Sdk.Http;
using Connect.Sdk.Connectors;
using Connect.Sdk.Hosting;
using Connect.Sdk.Journal;
using ErpHost;
using ErpHost.Erp;
using ErpHost.Marketplaces;
using ErpHost.Output;
using ErpHost.Story;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

var catalogue = SampleMarketplaces.Names;
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(SampleOptions.UsageText(catalogue));
    return 0;
}

var (options, error) = SampleOptions.Parse(args, catalogue);
if (options is null)
{
    Console.Error.WriteLine($"{error} Run with --help for the options.");
    return 2;
}

Console.OutputEncoding = System.Text.Encoding.UTF8;
var writer = new StoryWriter(Console.Out, colours: !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);
var patience = TimeSpan.FromSeconds(60);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.StorePath))!);
using var claim = StoreClaim.TryTake(options.StorePath);
if (claim is null)
{
    Console.Error.WriteLine($"Another ErpHost is running on the store {Path.GetFullPath(options.StorePath)}; each runs its own fake marketplaces, so one process per store. Stop it, or pass --store with another file.");
    return 3;
}

var time = SampleTime.Resume(Path.ChangeExtension(Path.GetFullPath(options.StorePath), ".clock"), options.Speed);
var erp = new SampleErp(new ErpOrderBook(Path.ChangeExtension(Path.GetFullPath(options.StorePath), ".erp.db"), writer));
await using var marketplaces = await SampleMarketplaces.StartAsync(options.Marketplaces, time, stop.Token);
var markets = marketplaces.All;

writer.Line($"Store: {Path.GetFullPath(options.StorePath)} · sample time runs {options.Speed:0.#}× faster than the wall clock");
writer.Line($"Marketplace fakes: {string.Join(", ", markets.Select(m => $"{m.DisplayName} at {m.Fake.BaseAddress}"))}");

var tracker = new RunTracker(writer, time);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ApplicationName = "ErpHost" });
builder.Logging.ClearProviders()
    .AddSimpleConsole(o => o.SingleLine = true)
    .SetMinimumLevel(options.Verbose ? LogLevel.Information : LogLevel.Warning)
    // Data Protection warns once per new key that the key ring is stored unencrypted: true of this sample on purpose (its
    // keys sit beside its throwaway store), and said in docs/storage.md, which shows how a real host encrypts its keys.
    .AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", options.Verbose ? LogLevel.Information : LogLevel.Error);
builder.Services.AddSingleton<TimeProvider>(time);
builder.Services.AddSingleton<IWorkRunObserver>(tracker);
var sdk = builder.Services.AddConnectSdk(o =>
    {
        // The SDK's shortest import and stock intervals, so that a cycle passes in about a second of wall time; a failed
        // run is asked for again after half a minute of sample time.
        o.OrderImportInterval = Duration.FromMinutes(1);
        o.StockSyncInterval = Duration.FromSeconds(10);
        o.FailedRunRetryDelay = Duration.FromSeconds(30);
    })
    .UseArticleCatalog(erp.Articles)
    .UseStockSource(erp.Stock)
    .UsePriceSource(erp.Prices)
    .UseOrderSink(erp.OrderBook)
    .UseAlertSink(erp.Inbox)
    .UseClock(time)
    .UseSqlite(options.StorePath)
    // The marketplace credentials are encrypted in the store with keys in a folder beside it, so that the sample keeps
    // everything in one place; a real host keeps the keys apart from the database and backs them up on their own.
    .ProtectSecretsWithDataProtection(SampleOptions.KeysFolderOf(options.StorePath))
    .AddHostedScheduler();
foreach (var market in markets)
{
    market.Register(sdk);
}

// The fakes answer in wall-clock time, which sample time sees as many times longer: a 30-second attempt timeout would
// give a fake a quarter of a real second at 120×. Timeouts that wait for the other side are kept in wall-clock terms;
// pacing and back-off, the marketplace's own waits, still run on sample time.
builder.Services.PostConfigureAll<MarketplaceHttpClientOptions>(http =>
{
    http.Resilience.AttemptTimeout *= options.Speed;
    http.Resilience.TotalTimeout *= options.Speed;
});

using var host = builder.Build();
await host.StartAsync(stop.Token);
var succeeded = false;
try
{
    var features = new ConnectorFeatures(host.Services.GetRequiredService<ConnectorRegistry>());
    var priceArrival = new PriceArrival(host.Services, erp, tracker, patience);
    var goLive = new GoLive(host.Services, erp, writer, tracker, features, priceArrival, patience);
    var live = new List<SampleMarketplace>();
    foreach (var market in markets)
    {
        if (await goLive.RunAsync(market, stop.Token))
        {
            live.Add(market);
        }
    }

    var priceChange = new PriceChange(host.Services, erp, writer, features, priceArrival);
    await new Cycles(host.Services, erp, writer, tracker, priceChange, patience).RunAsync(live, options.Cycles, stop.Token);
    var clean = await new JournalReport(host.Services.GetRequiredService<SyncJournal>(), erp.OrderBook, writer, features).WriteAsync(markets, stop.Token);
    succeeded = clean && live.Count == markets.Count;
}
catch (TimeoutException ex)
{
    // Said plainly, with the journal's own account below, rather than as an unhandled exception.
    writer.Line(string.Empty);
    writer.Line(ex.Message);
}
finally
{
    await host.StopAsync(CancellationToken.None);
}

writer.Line(string.Empty);
writer.Line(succeeded ? "Done: every connection is productive and the journal is written." : "The sample did not finish cleanly; see above.");
return succeeded ? 0 : 1;
