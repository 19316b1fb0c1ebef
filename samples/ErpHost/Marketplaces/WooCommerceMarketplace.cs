using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using Connect.Sdk.WooCommerce;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// A WooCommerce shop (the SDK's <c>Connect.Sdk.WooCommerce</c> connector against its fake): articles by SKU, the
/// T-shirt as a variable product with its sizes as variations, tracking as order notes.
/// </summary>
internal sealed class WooCommerceMarketplace : SampleMarketplace
{
    private const string ConsumerKey = "ck_sample_2b7e151628aed2a6abf7158809cf4f3c";
    private const string ConsumerSecret = "cs_sample_3243f6a8885a308d313198a2e0370734";
    private const string TShirt = "WC-5000";
    private static readonly (string Article, string Title, decimal Price)[] Products =
    [
        ("4711", "Coffee mug", 12.90m),
        ("5000-S", "T-shirt S", 19.90m),
        ("5000-M", "T-shirt M", 19.90m),
        ("5000-L", "T-shirt L", 19.90m),
        ("6100", "Desk lamp", 49.00m),
    ];

    private WooCommerceFake? _fake;
    private IClock _clock = SystemClock.Instance;

    public override ConnectionId Connection { get; } = new("woocommerce-shop");

    public override ConnectorId Connector => WooCommerceConnector.Id;

    public override string DisplayName => "WooCommerce shop";

    public override IMarketplaceFake Fake => _fake ?? throw new InvalidOperationException("The WooCommerce fake is not started.");

    // The story's sold article is the T-shirt M, a variation: its stock goes through the variations' batch route.
    public override string StockWriteOperation => "variations.batch";

    public override SettingsUpdate CredentialsWithTypo => Endpoint
        .SetSecret(WooCommerceConnector.ConsumerKeyKey, new SecretValue(ConsumerKey))
        .SetSecret(WooCommerceConnector.ConsumerSecretKey, new SecretValue(ConsumerSecret[..^1] + "5"));

    public override SettingsUpdate Credentials => Endpoint
        .SetSecret(WooCommerceConnector.ConsumerKeyKey, new SecretValue(ConsumerKey))
        .SetSecret(WooCommerceConnector.ConsumerSecretKey, new SecretValue(ConsumerSecret));

    // The fake listens on plain http on loopback, which the connector allows for a shop on this machine only.
    public override SettingsUpdate Endpoint => SettingsUpdate.Empty.Set(WooCommerceConnector.StoreUrlKey, Fake.BaseAddress.ToString());

    public override SettingsUpdate SettingsForIntegration => SettingsUpdate.Empty;

    public override string TestArticle => "4711";

    public override string ForeignNumbersCsv { get; } = string.Join(
        Environment.NewLine,
        ["article_number;label;foreign_number", .. Products.Select(p => $"{p.Article};{ForeignNumberLabel.Sku};{Sku(p.Article)}"), $"9999;{ForeignNumberLabel.Sku};WC-GHOST"]);

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddWooCommerce(ForSampleTime);

    public override bool PointsAtFake(Connection connection) =>
        connection.Settings.Get(WooCommerceConnector.StoreUrlKey) == Fake.BaseAddress.ToString();

    public override ValueTask StartAsync(IClock clock, CancellationToken cancellationToken)
    {
        _clock = clock;
        _fake = WooCommerceFake.Start(new WooCommerceCredentials(ConsumerKey, ConsumerSecret), new MarketplaceFakeOptions { Clock = clock });

        // A German shop enters its prices with tax, so the connection's price rules send gross prices.
        _fake.PricesIncludeTax = true;
        foreach (var product in Products)
        {
            var sku = new ForeignNumber(ForeignNumberLabel.Sku, Sku(product.Article));
            if (product.Article.StartsWith("5000-", StringComparison.Ordinal))
            {
                _fake.SeedVariation(sku, 0, TShirt);
            }
            else
            {
                _fake.SeedArticle(sku, 0);
            }
        }

        PlaceOrders(0);
        return ValueTask.CompletedTask;
    }

    // WooCommerce's order numbers are its order ids.
    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        [.. Enumerable.Range(1, 2).Select(i => (3000 + (cycle * 10) + i).ToString(CultureInfo.InvariantCulture))];

    protected override MarketplaceOrder NewOrder(string number, int pick, int quantity) =>
        Order(number, Products[pick % Products.Length], quantity);

    public override OrderStatusUpdate ShipmentOf(string orderNumber, int parcel) =>
        WholeOrderShipment(orderNumber, "00340434161095", parcel, _clock.GetCurrentInstant());

    protected override IAsyncDisposable? StartedFake => _fake;

    public override ForeignNumber OfferOf(string articleNumber) => new(ForeignNumberLabel.Sku, Sku(articleNumber));

    private static string Sku(string article) => "WC-" + article;

    private MarketplaceOrder Order(string number, (string Article, string Title, decimal Price) product, int quantity)
    {
        var now = _clock.GetCurrentInstant();
        var euro = CurrencyCode.Eur;
        return new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = number,
            CreatedAt = now,
            UpdatedAt = now,
            Currency = euro,
            Status = OrderStatus.Open,
            PricesIncludeTax = false,
            Lines =
            [
                new OrderLine
                {
                    LineId = number + "01",
                    ForeignNumber = new ForeignNumber(ForeignNumberLabel.Sku, Sku(product.Article)),
                    Title = product.Title,
                    Quantity = quantity,
                    UnitPrice = new Money(product.Price, euro),
                },
            ],
            ShippingCost = new Money(4.90m, euro),
            Total = new Money((product.Price * quantity) + 4.90m, euro),
            BillingAddress = SampleAddress,
            ShippingAddress = SampleAddress,
            BuyerEmail = "kunde@example.com",
            PaymentMethod = "bacs",
        };
    }

    private static readonly Address SampleAddress = new()
    {
        Name = "Max Mustermann",
        Street = "Am Hafen 3",
        PostalCode = "20457",
        City = "Hamburg",
        CountryCode = "DE",
    };
}
