using System.Globalization;
using Basar.Connector;
using Basar.Connector.DependencyInjection;
using Basar.Connector.Fake;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>Basar, the invented marketplace of <c>samples/CustomConnector</c>: a partner's connector in the main job.</summary>
internal sealed class BasarMarketplace : SampleMarketplace
{
    private const string Token = "basar-sample-token-7f3a91";
    private static readonly (string Article, string Title, decimal Price)[] Offers =
    [
        ("4711", "Coffee mug", 12.90m),
        ("5000-S", "T-shirt S", 19.90m),
        ("5000-M", "T-shirt M", 19.90m),
        ("5000-L", "T-shirt L", 19.90m),
        ("6100", "Desk lamp", 49.00m),
    ];

    private BasarFake? _fake;
    private IClock _clock = SystemClock.Instance;

    public override ConnectionId Connection { get; } = new("basar-de");

    public override ConnectorId Connector => BasarConnector.Id;

    public override string DisplayName => "Basar DE";

    public override IMarketplaceFake Fake => _fake ?? throw new InvalidOperationException("The Basar fake is not started.");

    public override string StockWriteOperation => "offers.stock";

    public override SettingsUpdate CredentialsWithTypo => Endpoint.SetSecret(BasarConnector.ApiTokenKey, new SecretValue(Token[..^1] + "2"));

    public override SettingsUpdate Credentials => Endpoint.SetSecret(BasarConnector.ApiTokenKey, new SecretValue(Token));

    public override SettingsUpdate Endpoint => SettingsUpdate.Empty.Set(BasarConnector.BaseUrlKey, Fake.BaseAddress.ToString());

    public override SettingsUpdate SettingsForIntegration => SettingsUpdate.Empty.Set(BasarConnector.FallbackCarrierKey, Carrier.Dhl.Value);

    public override string TestArticle => "4711";

    public override string ForeignNumbersCsv { get; } = string.Join(
        Environment.NewLine,
        ["article_number;label;foreign_number", .. Offers.Select(o => $"{o.Article};{BasarConnector.OfferIdLabel};{OfferId(o.Article)}"), $"9999;{BasarConnector.OfferIdLabel};BA-GHOST"]);

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddBasar();

    public override bool PointsAtFake(Connection connection) =>
        connection.Settings.Get(BasarConnector.BaseUrlKey) == Fake.BaseAddress.ToString();

    public override ValueTask StartAsync(IClock clock, CancellationToken cancellationToken)
    {
        _clock = clock;
        _fake = BasarFake.Start(Token, new MarketplaceFakeOptions { Clock = clock, RateLimit = BasarFake.DocumentedRateLimit });
        foreach (var offer in Offers)
        {
            _fake.SeedArticle(new ForeignNumber(BasarConnector.OfferIdLabel, OfferId(offer.Article)), 0);
        }

        PlaceOrders(0);
        return ValueTask.CompletedTask;
    }

    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        [.. Enumerable.Range(1, 2).Select(i => string.Create(CultureInfo.InvariantCulture, $"BA-{1000 + (cycle * 10) + i}"))];

    protected override MarketplaceOrder NewOrder(string number, int pick, int quantity) =>
        Order(number, Offers[pick % Offers.Length], quantity);

    public override OrderStatusUpdate ShipmentOf(string orderNumber, int parcel) =>
        WholeOrderShipment(orderNumber, "00340434161094", parcel, _clock.GetCurrentInstant());

    protected override IAsyncDisposable? StartedFake => _fake;

    public override ForeignNumber OfferOf(string articleNumber) => new(BasarConnector.OfferIdLabel, OfferId(articleNumber));

    private static string OfferId(string article) => "BA-" + article;

    private MarketplaceOrder Order(string number, (string Article, string Title, decimal Price) offer, int quantity)
    {
        var now = _clock.GetCurrentInstant();
        var euro = CurrencyCode.Eur;
        return new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = "900" + number,
            CreatedAt = now,
            UpdatedAt = now,
            Currency = euro,
            Status = OrderStatus.Open,
            Lines =
            [
                new OrderLine
                {
                    LineId = number + "-L1",
                    ForeignNumber = new ForeignNumber(BasarConnector.OfferIdLabel, OfferId(offer.Article)),
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
            PaymentMethod = "invoice",
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
