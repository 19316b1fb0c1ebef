using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Testing.Fakes.Amazon;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Amazon.Tests.TestDoubles;

/// <summary>
/// The SDK in memory (<see cref="ConnectTestHost"/>) with the Amazon connector built through <c>AddAmazon()</c>, and
/// the Amazon fake, both on one <see cref="VirtualTime"/>; every log line goes to <see cref="AdapterTestLog"/>.
/// </summary>
internal sealed class AmazonTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public AmazonTestHost(Func<HttpMessageHandler>? transport = null, Testing.Faults.FaultPlan? faults = null)
    {
        Amazon = AmazonTestAccount.StartFake(Time, faults);
        var logs = AdapterTestLog.CreateFactory();
        _services = AmazonTestServices.Build(logs, Time, transport is null
            ? null
            : services => services.AddHttpClient(AmazonConnector.HttpClientName).ConfigurePrimaryHttpMessageHandler(transport));
        var connector = _services.Connector();
        Host = ConnectTestHost.Create(sdk =>
        {
            sdk.AddConnector(connector).ConfigureForeignNumberRules(rules => rules.Without(ConnectorId.Amazon).With(AmazonConnector.ForeignNumberRules));
            sdk.Services.AddSingleton(logs);
            sdk.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        });
    }

    public VirtualTime Time { get; } = new(ConnectTestHost.Start.ToDateTimeOffset());

    public AmazonSellingPartnerFake Amazon { get; }

    public ConnectTestHost Host { get; }

    public static ForeignNumber Fbm(string sku) => new(ForeignNumberLabel.SkuFbm, sku);

    public static ForeignNumber Fba(string sku) => new(ForeignNumberLabel.SkuFba, sku);

    public static string OrderNumber(int n) => $"302-{n:D7}-{n * 7 % 10_000_000:D7}";

    /// <summary>Creates a productive connection to the fake's seller on one marketplace (Amazon.de unless told).</summary>
    public Task<ConnectionId> ConnectAsync(string marketplaceId = AmazonTestAccount.Marketplace) =>
        Host.CreateProductiveConnectionAsync(ConnectorId.Amazon, AmazonTestAccount.Settings(Amazon).Set(AmazonConnector.MarketplaceIdsKey, marketplaceId), "amazon-de");

    /// <summary>Lists the SKU on the fake (unless told not to) and maps an ERP article to it.</summary>
    public async Task MapAsync(ConnectionId connection, string articleNumber, ForeignNumber sku, decimal onHand, int onAmazon = 3, bool listed = true)
    {
        if (listed)
        {
            Amazon.SeedArticle(sku, onAmazon);
        }

        await Host.AddArticleAsync(connection, new Article(articleNumber, "Article " + articleNumber, ArticleKind.Simple), sku, onHand);
    }

    /// <summary>Seeds orders a minute apart, each one line of the SKU.</summary>
    public IReadOnlyList<MarketplaceOrder> SeedOrders(int count, ForeignNumber sku, int quantity = 1)
    {
        var now = Host.Clock.GetCurrentInstant();
        var orders = Enumerable.Range(1, count).Select(n => Order(OrderNumber(n), now - Duration.FromMinutes(count - n + 2), sku, quantity)).ToArray();
        foreach (var order in orders)
        {
            Amazon.SeedOrder(order);
        }

        return orders;
    }

    public static MarketplaceOrder Order(string number, Instant at, ForeignNumber sku, int quantity) => new()
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
                LineId = number + "-1",
                ForeignNumber = sku,
                Title = "Enamel mug, blue",
                Quantity = quantity,
                UnitPrice = new Money(12.99m, CurrencyCode.Eur),
                TaxAmount = new Money(2.07m * quantity, CurrencyCode.Eur),
            },
        ],
        ShippingCost = new Money(4.90m, CurrencyCode.Eur),
        ShippingAddress = new Address { Name = "Max Mustermann", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" },
    };

    public async Task<IReadOnlyDictionary<string, JournalEntry>> JournalAsync(ConnectionId connection, RecordKind kind) =>
        (await Host.JournalEntriesAsync(connection, kind)).ToDictionary(e => e.Key.RecordKey, StringComparer.Ordinal);

    /// <summary>Asserts the ERP received each order exactly once.</summary>
    public void AssertEveryOrderOnce(IEnumerable<MarketplaceOrder> orders)
    {
        var received = Host.Orders.Orders.GroupBy(o => o.Order.OrderNumber).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(orders, o => Assert.Equal(1, received.GetValueOrDefault(o.OrderNumber)));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _services.DisposeAsync();
        await Amazon.DisposeAsync();
    }
}
