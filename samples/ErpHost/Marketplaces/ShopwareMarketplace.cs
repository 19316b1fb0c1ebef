using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Shopware;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopware;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// A Shopware 6 shop (the SDK's <c>Connect.Sdk.Shopware</c> connector against its fake): the identity rule, so the shop's
/// product numbers are the ERP's article numbers and no foreign numbers are imported; the T-shirt as a parent product
/// with its sizes as variants; tracking codes on the order's delivery.
/// </summary>
internal sealed class ShopwareMarketplace : SampleMarketplace
{
    private const string ClientId = "SWIASAMPLEERPHOST00000000";
    private const string ClientSecret = "c2FtcGxlLXNob3B3YXJlLXNlY3JldC1hY2Nlc3Mta2V5";
    private static readonly (string Article, string Title, decimal Price)[] Products =
    [
        ("4711", "Coffee mug", 12.90m),
        ("5000-S", "T-shirt S", 19.90m),
        ("5000-M", "T-shirt M", 19.90m),
        ("5000-L", "T-shirt L", 19.90m),
        ("6100", "Desk lamp", 49.00m),
    ];

    private ShopwareFake? _fake;
    private IClock _clock = SystemClock.Instance;

    public override ConnectionId Connection { get; } = new("shopware-shop");

    public override ConnectorId Connector => ShopwareConnector.Id;

    public override string DisplayName => "Shopware shop";

    public override IMarketplaceFake Fake => _fake ?? throw new InvalidOperationException("The Shopware fake is not started.");

    // Stock goes through the sync API; the fake names a sync request that writes stock sync.stock.
    public override string StockWriteOperation => "sync.stock";

    public override SettingsUpdate CredentialsWithTypo => Endpoint
        .SetSecret(ShopwareConnector.ClientIdKey, new SecretValue(ClientId))
        .SetSecret(ShopwareConnector.ClientSecretKey, new SecretValue(ClientSecret[..^1] + "0"));

    public override SettingsUpdate Credentials => Endpoint
        .SetSecret(ShopwareConnector.ClientIdKey, new SecretValue(ClientId))
        .SetSecret(ShopwareConnector.ClientSecretKey, new SecretValue(ClientSecret));

    // The fake listens on plain http on loopback, which the connector allows for a shop on this machine only.
    public override SettingsUpdate Endpoint => SettingsUpdate.Empty.Set(ShopwareConnector.ShopUrlKey, Fake.BaseAddress.ToString());

    public override SettingsUpdate SettingsForIntegration => SettingsUpdate.Empty;

    public override string TestArticle => "4711";

    // The identity rule: Shopware's product numbers are the ERP's article numbers. A user's CSV row is refused, saying so.
    public override string ForeignNumbersCsv { get; } = string.Join(
        Environment.NewLine,
        ["article_number;label;foreign_number", "4711;productNumber;SW-4711"]);

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddShopware(ForSampleTime);

    public override bool PointsAtFake(Connection connection) =>
        connection.Settings.Get(ShopwareConnector.ShopUrlKey) == Fake.BaseAddress.ToString();

    public override ValueTask StartAsync(IClock clock, CancellationToken cancellationToken)
    {
        _clock = clock;
        _fake = ShopwareFake.Start(new ShopwareCredentials(ClientId, ClientSecret), new MarketplaceFakeOptions { Clock = clock });
        foreach (var product in Products)
        {
            if (product.Article.StartsWith("5000-", StringComparison.Ordinal))
            {
                _fake.SeedVariant(OfferOf(product.Article), 0, "5000");
            }
            else
            {
                _fake.SeedArticle(OfferOf(product.Article), 0);
            }
        }

        PlaceOrders(0);
        return ValueTask.CompletedTask;
    }

    // Shopware's order numbers come from its number range, 10000 onwards.
    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        [.. Enumerable.Range(1, 2).Select(i => (10000 + (cycle * 10) + i).ToString(CultureInfo.InvariantCulture))];

    protected override MarketplaceOrder NewOrder(string number, int pick, int quantity) =>
        Order(number, Products[pick % Products.Length], quantity);

    public override OrderStatusUpdate ShipmentOf(string orderNumber, int parcel) =>
        WholeOrderShipment(orderNumber, "00340434161096", parcel, _clock.GetCurrentInstant());

    protected override IAsyncDisposable? StartedFake => _fake;

    // Under the identity rule the product number is the article number.
    public override ForeignNumber OfferOf(string articleNumber) => new(ForeignNumberLabel.ArticleNumber, articleNumber);

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
            PricesIncludeTax = true,
            Lines =
            [
                new OrderLine
                {
                    LineId = number + "01",
                    ForeignNumber = OfferOf(product.Article),
                    Title = product.Title,
                    Quantity = quantity,
                    UnitPrice = new Money(product.Price, euro),

                    // Shopware keeps every line's taxes (CalculatedPrice.calculatedTaxes); the German standard rate, in the gross price.
                    TaxRate = 0.19m,
                    TaxAmount = new Money(decimal.Round(product.Price * quantity * 0.19m / 1.19m, 2), euro),
                },
            ],
            ShippingCost = new Money(4.90m, euro),
            Total = new Money((product.Price * quantity) + 4.90m, euro),
            BillingAddress = SampleAddress,
            ShippingAddress = SampleAddress,
            BuyerEmail = "kunde@example.com",
            PaymentMethod = "Invoice",
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
