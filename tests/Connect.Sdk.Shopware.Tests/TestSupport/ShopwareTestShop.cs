using System.Collections.Concurrent;
using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopware;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.Testing.Time;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Shopware.Tests.TestSupport;

/// <summary>
/// A productive Shopware connection against the fake, with the SDK in memory, the connector registered by
/// <c>AddShopware()</c> and the SDK's own foreign-number rules: Shopware's identity rule, no foreign numbers imported.
/// The fake's clock is the host's fake time.
/// </summary>
internal sealed class ShopwareTestShop : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log;

    private ShopwareTestShop(ShopwareFake fake, ConnectTestHost host, ConcurrentQueue<string> log)
    {
        Fake = fake;
        Host = host;
        _log = log;
    }

    public ShopwareFake Fake { get; }

    public ConnectTestHost Host { get; }

    public ConnectionId Connection { get; private set; }

    public IReadOnlyList<string> LogLines => [.. _log];

    public static Task<ShopwareTestShop> StartAsync(Func<IClock, MarketplaceFakeOptions>? options = null, string? requestsPerSecond = null, params FeatureKind[] features) =>
        StartAsync(options, requestsPerSecond, configure: null, features);

    public static async Task<ShopwareTestShop> StartAsync(Func<IClock, MarketplaceFakeOptions>? options, string? requestsPerSecond, Action<IServiceCollection>? configure, params FeatureKind[] features)
    {
        var time = new WaitAwareFakeTime(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var fake = ShopwareFake.Start(ShopwareTestKeys.Credentials, options?.Invoke(new TimeProviderClock(time)) ?? new MarketplaceFakeOptions { Clock = new TimeProviderClock(time) });
        var log = new ConcurrentQueue<string>();
        var host = ConnectTestHost.Create(
            sdk =>
            {
                sdk.Services.AddSingleton(AdapterTestLog.CreateFactory(log));
                sdk.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
                sdk.AddShopware();
                configure?.Invoke(sdk.Services);
            },
            time: time);
        var shop = new ShopwareTestShop(fake, host, log);
        var settings = ShopwareTestKeys.Settings(fake.BaseAddress);
        if (requestsPerSecond is not null)
        {
            settings = settings.Set(ShopwareConnector.RequestsPerSecondKey, requestsPerSecond);
        }

        shop.Connection = await host.CreateProductiveConnectionAsync(ShopwareConnector.Id, settings, "shopware-1", features);
        return shop;
    }

    /// <summary>The product number of an article: under the identity rule, its ERP article number.</summary>
    public static ForeignNumber Number(string articleNumber) => new(ForeignNumberLabel.ArticleNumber, articleNumber);

    /// <summary>An article the shop sells with <paramref name="shopStock"/> and the ERP holds <paramref name="erpStock"/> of; no foreign number is imported.</summary>
    public void AddArticle(string articleNumber, int erpStock, int? shopStock = 0)
    {
        if (shopStock is { } stock)
        {
            Fake.SeedArticle(Number(articleNumber), stock);
        }

        Host.Articles.Add(new Article(articleNumber, "Article " + articleNumber, ArticleKind.Simple) { StockSyncEnabled = true });
        Host.Stock.Set(articleNumber, erpStock);
    }

    /// <summary>Places an order on the fake, changed <paramref name="minutesAgo"/> minutes before the host's clock.</summary>
    public MarketplaceOrder SeedOrder(string number, string articleNumber, int minutesAgo = 5)
    {
        var at = Host.Clock.GetCurrentInstant() - Duration.FromMinutes(minutesAgo);
        var order = new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = number,
            CreatedAt = at,
            UpdatedAt = at,
            Currency = CurrencyCode.Eur,
            Status = OrderStatus.Open,
            Lines =
            [
                new OrderLine
                {
                    LineId = number + "01",
                    ForeignNumber = Number(articleNumber),
                    Title = "Article " + articleNumber,
                    Quantity = 2,
                    UnitPrice = new Money(12.50m, CurrencyCode.Eur),
                    TaxRate = 0.19m,
                    TaxAmount = new Money(3.99m, CurrencyCode.Eur),
                },
            ],
            ShippingCost = new Money(4.90m, CurrencyCode.Eur),
            ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
        };
        Fake.SeedOrder(order);
        return order;
    }

    public async Task<JournalEntry?> JournalAsync(RecordKind kind, string key) =>
        await Host.Journal.GetAsync(new JournalKey(Connection, kind, key), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
