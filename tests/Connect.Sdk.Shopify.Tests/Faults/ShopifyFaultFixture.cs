using System.Globalization;
using Connect.Sdk.Articles;
using Connect.Sdk.Connectors;
using Connect.Sdk.Features;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Journal;
using Connect.Sdk.Orders;
using Connect.Sdk.Shipments;
using Connect.Sdk.Shopify.Tests.TestDoubles;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using Connect.Sdk.Testing.Faults;
using Connect.Sdk.Testing.Hosting;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Connect.Sdk.Shopify.Tests.Faults;

/// <summary>
/// A fake shop with a fault plan, the connector built by <c>AddShopify()</c> with the wire recorded, and the SDK in
/// memory: the fault tests drive the SDK's real runs and read its journal. The fake's faults are drawn first as
/// operation <c>graphql</c> (the path; dropped connections act there) and then as <c>graphql.{field}</c> (status and
/// body faults), so a test aims a body fault at one field and a dropped connection at the next request.
/// </summary>
public abstract class ShopifyFaultFixture : IAsyncLifetime
{
    private ShopifyTestServices.ServicedConnector? _connector;

    protected AutoAdvancingTime Time { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    protected ShopifyTraffic Traffic { get; } = new();

    protected FaultPlan Faults { get; init; } = new();

    protected ShopifyFake Shop { get; private set; } = null!;

    protected ConnectTestHost Host { get; private set; } = null!;

    protected ConnectionId Connection { get; private set; }

    public async Task InitializeAsync()
    {
        Shop = ShopifyFake.Start(ShopifyTestServices.Token, FakeOptions());
        _connector = ShopifyTestServices.Create(null, Time, services => ConfigureClient(services.AddHttpClient(ShopifyConnector.HttpClientName).AddHttpMessageHandler(Traffic.CreateHandler)));
        Host = ShopifyTestServices.Host(_connector);
        Connection = await Host.CreateProductiveConnectionAsync(ShopifyConnector.Id, ShopifyTestServices.Settings(Shop), "shop-1");
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        await Shop.DisposeAsync();
    }

    /// <summary>Adds a test's own handlers to the connector's client, inside the recorder, e.g. one answering for a host in front of the shop.</summary>
    protected virtual void ConfigureClient(IHttpClientBuilder client)
    {
    }

    /// <summary>The fake shop's settings: its clock on <see cref="Time"/> and the <see cref="Faults"/>.</summary>
    protected virtual MarketplaceFakeOptions FakeOptions() => new() { Clock = new TimeProviderClock(Time), Faults = Faults };

    protected static ForeignNumber Product(int index) => new(ForeignNumberLabel.ShopifyProductId, (9_007_199_254_700_001L + (2L * index)).ToString(CultureInfo.InvariantCulture));

    protected static string ArticleNumber(int index) => string.Create(CultureInfo.InvariantCulture, $"ART-{index}");

    /// <summary>Maps articles 1..n to products on the fake (stock 3 there) with the given ERP stock.</summary>
    protected async Task MapArticlesAsync(params int[] erpStock)
    {
        for (var i = 1; i <= erpStock.Length; i++)
        {
            Shop.SeedArticle(Product(i), 3);
            await Host.AddArticleAsync(Connection, new Article(ArticleNumber(i), "Article " + i, ArticleKind.Simple), Product(i), erpStock[i - 1]);
        }
    }

    /// <summary>Seeds orders 5001.. (or from <paramref name="first"/>) on the fake, oldest first, <paramref name="apart"/> (a minute) apart up to a minute ago, for article 1 or the given product.</summary>
    protected IReadOnlyList<string> SeedOrders(int count, Duration? apart = null, Func<int, ForeignNumber>? productOfOrder = null, int first = 5001)
    {
        var now = Host.Clock.GetCurrentInstant();
        var numbers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var number = (first + i).ToString(CultureInfo.InvariantCulture);
            var at = now - ((apart ?? Duration.FromMinutes(1)) * (count - i + 1));
            var product = productOfOrder?.Invoke(i) ?? Product(1);
            Shop.SeedOrder(new MarketplaceOrder
            {
                OrderNumber = number,
                MarketplaceOrderId = "77" + number,
                CreatedAt = at,
                UpdatedAt = at,
                Currency = CurrencyCode.Eur,
                Status = OrderStatus.Open,
                Lines =
                [
                    new OrderLine { LineId = "77" + number + "1", ForeignNumber = product, Title = "Mug", Quantity = 2, UnitPrice = new Money(12.99m, CurrencyCode.Eur), TaxRate = 0.19m },
                    new OrderLine { LineId = "77" + number + "2", ForeignNumber = product, Title = "Mug", Quantity = 1, UnitPrice = new Money(12.99m, CurrencyCode.Eur), TaxRate = 0.19m },
                ],
                ShippingCost = new Money(4.90m, CurrencyCode.Eur),
                ShippingAddress = new Address { Name = "Max Mustermann", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" },
            });
            numbers.Add(number);
        }

        return numbers;
    }

    /// <summary>
    /// Maps articles 1..10, seeds an open order of the given lines split over fulfillment orders, imports it and
    /// returns it as the ERP received it.
    /// </summary>
    protected async Task<MarketplaceOrder> ImportSplitOrderAsync(string number, IReadOnlyList<OrderLine> lines, IReadOnlyList<IReadOnlyList<ShippedLine>> fulfillmentOrders)
    {
        await MapArticlesAsync(10);
        var now = Host.Clock.GetCurrentInstant() - Duration.FromMinutes(5);
        Shop.SeedOrder(
            new MarketplaceOrder
            {
                OrderNumber = number,
                MarketplaceOrderId = "88" + number,
                CreatedAt = now,
                UpdatedAt = now,
                Currency = CurrencyCode.Eur,
                Status = OrderStatus.Open,
                Lines = lines,
                ShippingCost = new Money(4.90m, CurrencyCode.Eur),
                ShippingAddress = new Address { Name = "Max Mustermann", Street = "Am Hafen 3", PostalCode = "20457", City = "Hamburg", CountryCode = "DE" },
            },
            fulfillmentOrders);
        await Host.RunDueAsync();
        return Host.Orders.Orders.Single(o => o.Order.OrderNumber == number).Order;
    }

    protected async Task<IReadOnlyList<JournalEntry>> JournalAsync(RecordKind kind) => await Host.JournalEntriesAsync(Connection, kind);

    protected async Task<JournalEntry> EntryAsync(RecordKind kind, string key) =>
        (await JournalAsync(kind)).Single(e => e.Key.RecordKey == key);

    protected void AssertEveryOrderOnce(IReadOnlyList<string> numbers)
    {
        var received = Host.Orders.Orders.GroupBy(o => o.Order.OrderNumber).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(numbers.Order(), received.Keys.Order());
        Assert.All(received, r => Assert.Equal(1, r.Value));
    }

    /// <summary>Maps article 10, seeds one order on the fake and imports it; returns its number.</summary>
    protected async Task<string> ImportOneOrderAsync()
    {
        await MapArticlesAsync(10);
        var number = SeedOrders(1)[0];
        await Host.RunDueAsync();
        AssertEveryOrderOnce([number]);
        return number;
    }

    /// <summary>Exports an imported order as shipped in one parcel holding all that remains, calling the connector as the SDK does.</summary>
    protected async Task<RecordResult> ExportParcelAsync(string number, string tracking)
    {
        var order = Host.Orders.Orders.Single(o => o.Order.OrderNumber == number).Order;
        return await StatusExport.ExportOrderStatusAsync(
            await Host.ContextOfAsync(Connection),
            new OrderStatusUpdate(number, order.MarketplaceOrderId, OrderStatus.Shipped, [Parcel(tracking)]),
            CancellationToken.None);
    }

    /// <summary>The connector's status and tracking export, as the SDK calls it.</summary>
    protected IOrderStatusFeature StatusExport => Host.Get<ConnectorRegistry>().Get(ShopifyConnector.Id).Features.OfType<IOrderStatusFeature>().Single();

    /// <summary>A DHL parcel whose id is its tracking number, holding the given lines (none: all that remains).</summary>
    protected static Shipment Parcel(string tracking, params ShippedLine[] lines) => new()
    {
        ShipmentId = tracking,
        Carrier = Carrier.Dhl,
        TrackingNumber = tracking,
        ShippedAt = Instant.FromUtc(2026, 11, 23, 9, 0),
        Lines = lines,
    };

    protected int Sent(string field) => Traffic.Exchanges.Count(e => e.Request.Contains(field + "(", StringComparison.Ordinal) && e.Request.Contains("mutation", StringComparison.Ordinal));

    protected static bool Ok(RecordResult result) => result.Outcome == RecordOutcome.Succeeded;
}
