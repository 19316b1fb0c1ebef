using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Shopify;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// A Shopify shop (the SDK's Shopify fake, GraphQL Admin API): simple articles carry their product id, the T-shirt's
/// sizes their variant ids; stock goes to the shop's one location.
/// </summary>
internal sealed class ShopifyMarketplace : SampleMarketplace
{
    private const string Token = "shpat_sample_3c9e1f0a7b2d4e6f8a1c3e5f7b9d0a2c";

    // Shopify ids are 64-bit numbers; these are above 2^53, where a double would round them.
    private static readonly (string Article, ForeignNumberLabel Label, long Id, string Title, decimal Price)[] Offers =
    [
        ("4711", ForeignNumberLabel.ShopifyProductId, 9_007_199_254_810_001, "Coffee mug", 12.90m),
        ("5000-S", ForeignNumberLabel.ShopifyVariantId, 9_007_199_254_820_001, "T-shirt S", 19.90m),
        ("5000-M", ForeignNumberLabel.ShopifyVariantId, 9_007_199_254_820_003, "T-shirt M", 19.90m),
        ("5000-L", ForeignNumberLabel.ShopifyVariantId, 9_007_199_254_820_005, "T-shirt L", 19.90m),
        ("6100", ForeignNumberLabel.ShopifyProductId, 9_007_199_254_810_003, "Desk lamp", 49.00m),
    ];

    private ShopifyFake? _fake;
    private IClock _clock = SystemClock.Instance;

    public override ConnectionId Connection { get; } = new("shopify-de");

    public override ConnectorId Connector => ShopifyConnector.Id;

    public override string DisplayName => "Shopify DE";

    public override IMarketplaceFake Fake => Shop;

    // The fake draws body and status faults per GraphQL root field.
    public override string StockWriteOperation => "graphql.inventorySetQuantities";

    public override SettingsUpdate CredentialsWithTypo => Endpoint.SetSecret(ShopifyConnector.AccessTokenKey, new SecretValue(Token[..^1] + "3"));

    public override SettingsUpdate Credentials => Endpoint.SetSecret(ShopifyConnector.AccessTokenKey, new SecretValue(Token));

    // The location goes in with the endpoint: the test phase already sends stock, and Shopify keeps stock per location.
    public override SettingsUpdate Endpoint => SettingsForIntegration.Set(ShopifyConnector.ShopKey, Shop.BaseAddress.ToString());

    public override SettingsUpdate SettingsForIntegration =>
        SettingsUpdate.Empty.Set(ShopifyConnector.LocationKey, Shop.LocationId.ToString(CultureInfo.InvariantCulture));

    public override string TestArticle => "4711";

    public override string ForeignNumbersCsv { get; } = string.Join(
        Environment.NewLine,
        ["article_number;label;foreign_number", .. Offers.Select(o => $"{o.Article};{o.Label};{o.Id.ToString(CultureInfo.InvariantCulture)}"), $"9999;{ForeignNumberLabel.ShopifyProductId};1"]);

    private ShopifyFake Shop => _fake ?? throw new InvalidOperationException("The Shopify fake is not started.");

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddShopify(ForSampleTime);

    public override bool PointsAtFake(Connection connection) =>
        connection.Settings.Get(ShopifyConnector.ShopKey) == Shop.BaseAddress.ToString();

    public override ValueTask StartAsync(IClock clock, CancellationToken cancellationToken)
    {
        _clock = clock;

        // The shop's cost bucket runs on the sample's clock, as the connector's pacing does.
        _fake = ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = clock });
        foreach (var offer in Offers)
        {
            _fake.SeedArticle(ForeignOf(offer), 0);
        }

        PlaceOrders(0);
        return ValueTask.CompletedTask;
    }

    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        [.. Enumerable.Range(1, 2).Select(i => string.Create(CultureInfo.InvariantCulture, $"{3000 + (cycle * 10) + i}"))];

    protected override MarketplaceOrder NewOrder(string number, int pick, int quantity) =>
        Order(number, Offers[pick % Offers.Length], quantity);

    public override OrderStatusUpdate ShipmentOf(string orderNumber, int parcel) => WholeOrderShipment(
        orderNumber,
        "00340434161095",
        parcel,
        _clock.GetCurrentInstant(),
        trackingNumber => new Uri("https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=" + trackingNumber));

    protected override IAsyncDisposable? StartedFake => _fake;

    public override ForeignNumber OfferOf(string articleNumber) => ForeignOf(Offers.Single(o => o.Article == articleNumber));

    private static ForeignNumber ForeignOf((string Article, ForeignNumberLabel Label, long Id, string Title, decimal Price) offer) =>
        new(offer.Label, offer.Id.ToString(CultureInfo.InvariantCulture));

    private static string OrderIdOf(string orderNumber) => "95" + orderNumber + "0001";

    private MarketplaceOrder Order(string number, (string Article, ForeignNumberLabel Label, long Id, string Title, decimal Price) offer, int quantity)
    {
        var now = _clock.GetCurrentInstant();
        var euro = CurrencyCode.Eur;
        return new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = OrderIdOf(number),
            CreatedAt = now,
            UpdatedAt = now,
            Currency = euro,
            Status = OrderStatus.Open,
            Lines =
            [
                new OrderLine
                {
                    LineId = "96" + number + "0001",
                    ForeignNumber = ForeignOf(offer),
                    Title = offer.Title,
                    Quantity = quantity,
                    UnitPrice = new Money(offer.Price, euro),
                    TaxRate = 0.19m,
                },
            ],
            ShippingCost = new Money(4.90m, euro),
            Total = new Money((offer.Price * quantity) + 4.90m, euro),
            BillingAddress = SampleAddress,
            ShippingAddress = SampleAddress,
            BuyerEmail = "kundin@example.com",
            PaymentMethod = "shopify_payments",
        };
    }

    private static readonly Address SampleAddress = new()
    {
        Name = "Erika Mustermann",
        Street = "Heidestraße 17",
        PostalCode = "51147",
        City = "Köln",
        CountryCode = "DE",
    };
}
