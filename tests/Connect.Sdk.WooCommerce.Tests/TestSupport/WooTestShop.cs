using System.Collections.Concurrent;
using System.Globalization;
using Connect.Sdk.Articles;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.WooCommerce.Tests.TestSupport;

/// <summary>
/// A productive WooCommerce connection against the fake, with the SDK in memory and the connector registered by
/// <c>AddWooCommerce()</c> (the real handler chain), logging to the run-wide record.
/// </summary>
internal sealed class WooTestShop : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log;

    private WooTestShop(WooCommerceFake fake, ConnectTestHost host, ShortWaitTimeProvider time, ConcurrentQueue<string> log)
    {
        Fake = fake;
        Host = host;
        Time = time;
        _log = log;
    }

    /// <summary>The lines this shop's host logged (every one is also in <see cref="AdapterTestLog"/> for the credential scan).</summary>
    public IReadOnlyList<string> LogLines => [.. _log];

    public WooCommerceFake Fake { get; }

    public ConnectTestHost Host { get; }

    public ShortWaitTimeProvider Time { get; }

    public ConnectionId Connection { get; private set; }

    public static async Task<WooTestShop> StartAsync(Action<IServiceCollection>? configure = null, MarketplaceFakeOptions? options = null, string? requestsPerSecond = null, params FeatureKind[] features)
    {
        var fake = WooCommerceFake.Start(WooTestKeys.Credentials, options);
        var time = new ShortWaitTimeProvider();
        var log = new ConcurrentQueue<string>();
        var host = ConnectTestHost.Create(sdk =>
        {
            sdk.Services.AddSingleton<TimeProvider>(time);
            sdk.Services.AddSingleton(AdapterTestLog.CreateFactory(log));
            sdk.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            sdk.AddWooCommerce();
            configure?.Invoke(sdk.Services);
        });
        var shop = new WooTestShop(fake, host, time, log);
        var settings = WooTestKeys.Settings(fake.BaseAddress);
        if (requestsPerSecond is not null)
        {
            settings = settings.Set(WooCommerceConnector.RequestsPerSecondKey, requestsPerSecond);
        }

        shop.Connection = await host.CreateProductiveConnectionAsync(WooCommerceConnector.Id, settings, "woo-1", features);
        return shop;
    }

    public static ForeignNumber Sku(int index) => new(ForeignNumberLabel.Sku, string.Create(CultureInfo.InvariantCulture, $"SKU-{index}"));

    public static string Article(int index) => string.Create(CultureInfo.InvariantCulture, $"ART-{index}");

    /// <summary>An article the shop sells with <paramref name="shopStock"/> and the ERP holds <paramref name="erpStock"/> of.</summary>
    public async Task MapArticleAsync(int index, int shopStock, int erpStock)
    {
        Fake.SeedArticle(Sku(index), shopStock);
        await Host.AddArticleAsync(Connection, new Connect.Sdk.Articles.Article(Article(index), "Article " + index, ArticleKind.Simple), Sku(index), erpStock);
    }

    /// <summary>Places an order on the fake, changed <paramref name="minutesAgo"/> minutes before the host's clock; line ids are numbers, as WooCommerce's.</summary>
    public MarketplaceOrder SeedOrder(int number, int minutesAgo = 5, int lines = 1)
    {
        var at = Host.Clock.GetCurrentInstant() - Duration.FromMinutes(minutesAgo);
        var text = number.ToString(CultureInfo.InvariantCulture);
        var order = new MarketplaceOrder
        {
            OrderNumber = text,
            MarketplaceOrderId = text,
            CreatedAt = at,
            UpdatedAt = at,
            Currency = CurrencyCode.Eur,
            Status = OrderStatus.Open,
            PricesIncludeTax = false,
            Lines = Enumerable.Range(1, lines).Select(l => new OrderLine
            {
                LineId = string.Create(CultureInfo.InvariantCulture, $"{number}{l:00}"),
                ForeignNumber = Sku(l),
                Sku = Sku(l).Value,
                Title = "Article " + l,
                Quantity = l,
                UnitPrice = new Money(12.50m, CurrencyCode.Eur),
                TaxAmount = new Money(2.38m * l, CurrencyCode.Eur),
            }).ToArray(),
            ShippingCost = new Money(4.90m, CurrencyCode.Eur),
            ShippingTax = new Money(0m, CurrencyCode.Eur),
            ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
        };
        Fake.SeedOrder(order);
        return order;
    }

    public async Task<JournalEntry> JournalAsync(RecordKind kind, string key) =>
        await Host.Journal.GetAsync(new JournalKey(Connection, kind, key), CancellationToken.None)
        ?? throw new Xunit.Sdk.XunitException($"No journal entry for {kind} {key}.");

    /// <summary>How many times the ERP received each order number.</summary>
    public IReadOnlyDictionary<string, int> Received() =>
        Host.Orders.Orders.GroupBy(o => o.Order.OrderNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
