using Basar.Connector;
using Basar.Connector.DependencyInjection;
using Basar.Connector.Fake;
using Connect.Sdk;
using Connect.Sdk.Alerts;
using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.Hosting;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Prices;
using Connect.Sdk.Settings;
using Connect.Sdk.Stock;
using Connect.Sdk.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace Connect.Sdk.Samples.Tests.Docs;

/// <summary>The code of <c>docs/getting-started.md</c>, run: a host starts on SQLite and one connection goes productive.</summary>
public sealed class GettingStartedTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connect-sdk-guide-tests", Guid.NewGuid().ToString("N"));
    private BasarFake? _basar;

    public Task InitializeAsync()
    {
        _basar = BasarFake.Start("guide-token-5c21");
        _basar.SeedArticle(new ForeignNumber(BasarConnector.OfferIdLabel, "BA-4711"), 0);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Guide_HostAndConnection_StockReachesTheMarketplace()
    {
        var args = Array.Empty<string>();
        var databasePath = Path.Combine(_folder, "connect.db");

        #region snippet: getting-started-host
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddConnectSdk(options => options.OrderImportInterval = Duration.FromMinutes(5))
            .AddBasar()                         // a connector package: AddShopify(), AddWooCommerce(), your own
            .UseArticleCatalog<ErpArticles>()   // the ERP's articles ...
            .UseStockSource<ErpStock>()         // ... their stock levels ...
            .UsePriceSource<ErpPrices>()        // ... their prices ...
            .UseOrderSink<ErpOrders>()          // ... where imported orders go ...
            .UseAlertSink<ErpInbox>()           // ... and who hears about failures
            .UseSqlite(databasePath)            // every store in one SQLite file
            .AddHostedScheduler();              // runs what is due, in the background
        #endregion

        var stockArrived = new StockArrival(_basar!, new ForeignNumber(BasarConnector.OfferIdLabel, "BA-4711"), expected: 7);
        builder.Services.AddSingleton<IWorkRunObserver>(stockArrived);
        // The test need not wait for a spread start or the next poll to notice the connection went productive.
        builder.Services.Configure<HostedSchedulerOptions>(o => (o.StartSpread, o.PollInterval) = (Duration.Zero, Duration.FromSeconds(1)));

        using var host = builder.Build();
        await host.StartAsync();

        var shopUrl = _basar!.BaseAddress.ToString();
        var token = _basar.ApiToken;
        var services = host.Services;
        var cancellationToken = CancellationToken.None;

        #region snippet: getting-started-connection
        var lifecycle = services.GetRequiredService<ConnectionLifecycle>();
        var connection = new ConnectionId("basar-de");
        var user = new Actor("anna");

        await lifecycle.CreateAsync(connection, BasarConnector.Id, "Basar Germany", user, cancellationToken);
        await lifecycle.UpdateSettingsAsync(connection, SettingsUpdate.Empty
            .Set(BasarConnector.BaseUrlKey, shopUrl)
            .SetSecret(BasarConnector.ApiTokenKey, new SecretValue(token)), user, cancellationToken);
        var check = await lifecycle.RunConnectionCheckAsync(connection, user, cancellationToken);

        // Which ERP article is which offer on the marketplace: usually a CSV file from the user.
        var csv = "article_number;label;foreign_number\n4711;basarofferid;BA-4711\n";
        await services.GetRequiredService<ForeignNumberImporter>()
            .ImportCsvAsync(connection, BasarConnector.Id, new StringReader(csv), cancellationToken);

        await lifecycle.SetImportModeAsync(connection, ImportMode.Automatic, user, cancellationToken);
        await lifecycle.SetFeatureModeAsync(connection, FeatureKind.Stock, FeatureMode.Integration, user, cancellationToken);
        var productive = await lifecycle.SetProductiveModeAsync(connection, true, user, cancellationToken);
        Console.WriteLine(productive.Succeeded ? "basar-de is productive" : productive.ToString());
        #endregion

        Assert.True(check.Succeeded, check.ToString());
        Assert.True(productive.Succeeded, productive.ToString());

        // The hosted scheduler runs the first stock sync on its own: on hand 10 - reserved 3.
        await stockArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();
    }

    public async Task DisposeAsync()
    {
        if (_basar is not null)
        {
            await _basar.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Completes when a run leaves the expected stock on the fake.</summary>
    private sealed class StockArrival(BasarFake fake, ForeignNumber offer, int expected) : IWorkRunObserver
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Task => _arrived.Task;

        public ValueTask OnRunFinishedAsync(WorkRunResult result, CancellationToken cancellationToken)
        {
            if (fake.StockOf(offer) == expected)
            {
                _arrived.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class ErpArticles : IArticleCatalog
    {
        private readonly InMemoryArticleCatalog _articles = new InMemoryArticleCatalog().Add(new Article("4711", "Coffee mug", ArticleKind.Simple) { StockSyncEnabled = true });

        public ValueTask<Article?> FindAsync(string articleNumber, CancellationToken cancellationToken) => _articles.FindAsync(articleNumber, cancellationToken);

        public ValueTask<IReadOnlyList<Article>> GetVariantsAsync(string parentNumber, CancellationToken cancellationToken) => _articles.GetVariantsAsync(parentNumber, cancellationToken);

        public IAsyncEnumerable<Article> ListStockSyncedAsync(CancellationToken cancellationToken) => _articles.ListStockSyncedAsync(cancellationToken);
    }

    private sealed class ErpStock : IStockSource
    {
        public ValueTask<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
            new InMemoryStockSource().Set("4711", 10, 3).GetStockAsync(articleNumbers, cancellationToken);
    }

    private sealed class ErpPrices : IPriceSource
    {
        public ValueTask<IReadOnlyList<ErpPrice>> GetPricesAsync(string priceList, IReadOnlyCollection<string> articleNumbers, CancellationToken cancellationToken) =>
            new InMemoryPriceSource().Set(new ErpPrice("4711", new Money(19.99m, CurrencyCode.Eur), PriceBasis.Net, 19)).GetPricesAsync(priceList, articleNumbers, cancellationToken);
    }

    private sealed class ErpOrders : IOrderSink
    {
        private readonly InMemoryOrderSink _book = new();

        public ValueTask<ErpOrderReference> HandOverAsync(OrderHandOver handOver, CancellationToken cancellationToken) => _book.HandOverAsync(handOver, cancellationToken);
    }

    private sealed class ErpInbox : IAlertSink
    {
        private readonly InMemoryAlertSink _inbox = new();

        public ValueTask DeliverAsync(AlertNotification notification, CancellationToken cancellationToken) => _inbox.DeliverAsync(notification, cancellationToken);
    }
}
