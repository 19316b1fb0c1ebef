using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Otto;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Otto;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// OTTO Market (the SDK's <c>Connect.Sdk.Otto</c> connector against its fake): articles by partner SKU (<c>ottosku</c>),
/// orders whose pieces come back as lines, shipments with a ship-from address in Hamburg.
/// </summary>
internal sealed class OttoMarketplace : SampleMarketplace
{
    private const string ClientId = "erp-sample-otto";
    private const string ClientSecret = "otto-sample-7d4e1f0a9c2b8e35";
    private static readonly (string Article, string Title, decimal Price)[] Products =
    [
        ("4711", "Coffee mug", 12.90m),
        ("5000-M", "T-shirt M", 19.90m),
        ("6100", "Desk lamp", 49.00m),
    ];

    private OttoMarketFake? _fake;
    private IClock _clock = SystemClock.Instance;

    public override ConnectionId Connection { get; } = new("otto-market");

    public override ConnectorId Connector => OttoConnector.Id;

    public override string DisplayName => "OTTO Market";

    public override IMarketplaceFake Fake => _fake ?? throw new InvalidOperationException("The OTTO Market fake is not started.");

    public override string StockWriteOperation => "availability.quantities.update";

    public override SettingsUpdate CredentialsWithTypo => Endpoint.SetSecret(OttoConnector.ClientSecretKey, new SecretValue(ClientSecret[..^1] + "6"));

    public override SettingsUpdate Credentials => Endpoint.SetSecret(OttoConnector.ClientSecretKey, new SecretValue(ClientSecret));

    // The fake listens on plain http on loopback, which the connector allows for a test double on this machine only.
    public override SettingsUpdate Endpoint => SettingsUpdate.Empty
        .Set(OttoConnector.ApiUrlKey, Fake.BaseAddress.ToString())
        .Set(OttoConnector.ClientIdKey, ClientId)
        .Set(OttoConnector.ShipFromCityKey, "Hamburg")
        .Set(OttoConnector.ShipFromZipCodeKey, "20457")
        .Set(OttoConnector.ShipFromCountryKey, "DEU");

    public override SettingsUpdate SettingsForIntegration => SettingsUpdate.Empty;

    public override string TestArticle => "4711";

    public override string ForeignNumbersCsv { get; } = string.Join(
        Environment.NewLine,
        ["article_number;label;foreign_number", .. Products.Select(p => $"{p.Article};{ForeignNumberLabel.OttoSku};{Sku(p.Article)}"), $"9999;{ForeignNumberLabel.OttoSku};OTTO-GHOST"]);

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddOtto(ForSampleTime);

    public override bool PointsAtFake(Connection connection) =>
        connection.Settings.Get(OttoConnector.ApiUrlKey) == Fake.BaseAddress.ToString();

    public override ValueTask StartAsync(IClock clock, CancellationToken cancellationToken)
    {
        _clock = clock;
        _fake = OttoMarketFake.Start(new OttoCredentials(ClientId, ClientSecret), new MarketplaceFakeOptions { Clock = clock });
        foreach (var product in Products)
        {
            _fake.SeedArticle(new ForeignNumber(ForeignNumberLabel.OttoSku, Sku(product.Article)), 0);
        }

        PlaceOrders(0);
        return ValueTask.CompletedTask;
    }

    // OTTO's order numbers are ten characters of letters and digits; the sales order id is a UUID apart from it.
    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        [.. Enumerable.Range(1, 2).Select(i => string.Create(CultureInfo.InvariantCulture, $"bq{7000 + (cycle * 10) + i:D8}"))];

    protected override MarketplaceOrder NewOrder(string number, int pick, int quantity) =>
        Order(number, Products[pick % Products.Length], quantity);

    public override OrderStatusUpdate ShipmentOf(string orderNumber, int parcel) =>
        WholeOrderShipment(orderNumber, "00340434161096", parcel, _clock.GetCurrentInstant());

    protected override IAsyncDisposable? StartedFake => _fake;

    public override ForeignNumber OfferOf(string articleNumber) => new(ForeignNumberLabel.OttoSku, Sku(articleNumber));

    private static string Sku(string article) => "OTTO-" + article;

    private MarketplaceOrder Order(string number, (string Article, string Title, decimal Price) product, int quantity)
    {
        var now = _clock.GetCurrentInstant();
        var euro = CurrencyCode.Eur;
        var id = int.Parse(number[2..], CultureInfo.InvariantCulture);
        return new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = new Guid(id, 0x11f4, 0x4baf, [0x9b, 0x56, 0x0c, 0xee, 0x82, 0x93, 0x89, 0xa0]).ToString(),
            CreatedAt = now,
            UpdatedAt = now,
            Currency = euro,
            Status = OrderStatus.Open,
            Lines =
            [
                new OrderLine
                {
                    LineId = new Guid(id, 0x5e65, 0x4f66, [0x9f, 0xee, 0x8b, 0x22, 0x78, 0x61, 0xfc, 0x83]).ToString(),
                    ForeignNumber = new ForeignNumber(ForeignNumberLabel.OttoSku, Sku(product.Article)),
                    Title = product.Title,
                    Quantity = quantity,
                    UnitPrice = new Money(product.Price, euro),
                    TaxRate = 0.19m,
                },
            ],
            ShippingCost = new Money(4.95m, euro),
            BillingAddress = SampleAddress,
            ShippingAddress = SampleAddress,
            BuyerEmail = "kundin@example.com",
            PaymentMethod = "INVOICE_SINGLE",
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
