using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Mirakl;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Mirakl;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// A marketplace run on Mirakl (the SDK's <c>Connect.Sdk.Mirakl</c> connector against its fake): offers by shop SKU,
/// stock and prices through file imports, orders the shop has accepted, tracking and shipment validation.
/// </summary>
internal sealed class MiraklMarketplace : SampleMarketplace
{
    private const string ApiKey = "sample-mirakl-9c1f4e2a-77b0-4d3e-a5f1-0b6c2d8e4f10";
    private const long ShopId = 2001;
    private static readonly (string Article, string Title, decimal Price)[] Offers =
    [
        ("4711", "Coffee mug", 12.90m),
        ("5000-M", "T-shirt M", 19.90m),
        ("6100", "Desk lamp", 49.00m),
    ];

    private MiraklFake? _fake;
    private IClock _clock = SystemClock.Instance;

    public override ConnectionId Connection { get; } = new("mirakl-marketplace");

    public override ConnectorId Connector => MiraklConnector.Id;

    public override string DisplayName => "Mirakl marketplace";

    public override IMarketplaceFake Fake => _fake ?? throw new InvalidOperationException("The Mirakl fake is not started.");

    public override string StockWriteOperation => "offers.stock.import";

    public override SettingsUpdate CredentialsWithTypo => Endpoint.SetSecret(MiraklConnector.ApiKeyKey, new SecretValue(ApiKey[..^1] + "1"));

    public override SettingsUpdate Credentials => Endpoint.SetSecret(MiraklConnector.ApiKeyKey, new SecretValue(ApiKey));

    // The fake listens on plain http on loopback, which the connector allows for an instance on this machine only.
    public override SettingsUpdate Endpoint => SettingsUpdate.Empty
        .Set(MiraklConnector.InstanceUrlKey, Fake.BaseAddress.ToString())
        .Set(MiraklConnector.ShopIdKey, ShopId.ToString(CultureInfo.InvariantCulture));

    // Orders the ERP can fulfil are accepted without a user.
    public override SettingsUpdate SettingsForIntegration => SettingsUpdate.Empty.Set(MiraklConnector.AcceptanceKey, "automatic");

    public override string TestArticle => "4711";

    public override string ForeignNumbersCsv { get; } = string.Join(
        Environment.NewLine,
        ["article_number;label;foreign_number", .. Offers.Select(o => $"{o.Article};{ForeignNumberLabel.MiraklShopSku};{ShopSku(o.Article)}"), $"9999;{ForeignNumberLabel.MiraklShopSku};MK-GHOST"]);

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddMirakl(ForSampleTime);

    public override bool PointsAtFake(Connection connection) =>
        connection.Settings.Get(MiraklConnector.InstanceUrlKey) == Fake.BaseAddress.ToString();

    public override ValueTask StartAsync(IClock clock, CancellationToken cancellationToken)
    {
        _clock = clock;
        _fake = MiraklFake.Start(new MiraklCredentials(ApiKey, ShopId), new MarketplaceFakeOptions { Clock = clock });
        foreach (var offer in Offers)
        {
            _fake.SeedArticle(new ForeignNumber(ForeignNumberLabel.MiraklShopSku, ShopSku(offer.Article)), 0);
        }

        PlaceOrders(0);
        return ValueTask.CompletedTask;
    }

    // Mirakl's order ids: the buyer's commercial order and the shop's letter.
    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        [.. Enumerable.Range(1, 2).Select(i => string.Create(CultureInfo.InvariantCulture, $"MK{7000 + (cycle * 10) + i}-A"))];

    protected override MarketplaceOrder NewOrder(string number, int pick, int quantity) =>
        Order(number, Offers[pick % Offers.Length], quantity);

    public override OrderStatusUpdate ShipmentOf(string orderNumber, int parcel) =>
        WholeOrderShipment(orderNumber, "00340434162", parcel, _clock.GetCurrentInstant());

    protected override IAsyncDisposable? StartedFake => _fake;

    public override ForeignNumber OfferOf(string articleNumber) => new(ForeignNumberLabel.MiraklShopSku, ShopSku(articleNumber));

    private static string ShopSku(string article) => "MK-" + article;

    private MarketplaceOrder Order(string number, (string Article, string Title, decimal Price) offer, int quantity)
    {
        var now = _clock.GetCurrentInstant();
        var euro = CurrencyCode.Eur;
        return new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = number[..^2],
            CreatedAt = now,
            UpdatedAt = now,
            Currency = euro,
            Status = OrderStatus.Open,
            PricesIncludeTax = true,
            Lines =
            [
                new OrderLine
                {
                    LineId = number + "-1",
                    ForeignNumber = new ForeignNumber(ForeignNumberLabel.MiraklShopSku, ShopSku(offer.Article)),
                    Title = offer.Title,
                    Quantity = quantity,
                    UnitPrice = new Money(offer.Price, euro),
                    TaxRate = 0.19m,
                    TaxAmount = new Money(decimal.Round(offer.Price * quantity * 19m / 119m, 2), euro),
                },
            ],
            ShippingCost = new Money(3.90m, euro),
            Total = new Money((offer.Price * quantity) + 3.90m, euro),
            BillingAddress = SampleAddress,
            ShippingAddress = SampleAddress,
            BuyerEmail = "kunde@example.com",
            PaymentMethod = "CREDIT_CARD",
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
