using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Kaufland;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Kaufland;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// Kaufland's German storefront (the SDK's <c>Connect.Sdk.Kaufland</c> connector against its fake): articles by unit
/// id (<c>apiunitid</c>), stock and listing prices per unit, orders of one order unit per piece, each piece marked sent.
/// </summary>
internal sealed class KauflandMarketplace : SampleMarketplace
{
    private const string ClientKey = "3bd7e1f2a4c6085b9d1e2f3a4b5c6d7e";
    private const string SecretKey = "8c2f0e1d3b5a79684f2e1d0c9b8a7f6e5d4c3b2a190817263544536271809a1b";
    private const string PartnerSolution = "ErpHost sample";
    private static readonly (string Article, string Title, decimal Price, long Unit)[] Units =
    [
        ("4711", "Coffee mug", 12.90m, 412_000_4711),
        ("5000-S", "T-shirt S", 19.90m, 412_000_5001),
        ("5000-M", "T-shirt M", 19.90m, 412_000_5002),
        ("5000-L", "T-shirt L", 19.90m, 412_000_5003),
        ("6100", "Desk lamp", 49.00m, 412_000_6100),
    ];

    private KauflandFake? _fake;
    private IClock _clock = SystemClock.Instance;

    public override ConnectionId Connection { get; } = new("kaufland-de");

    public override ConnectorId Connector => KauflandConnector.Id;

    public override string DisplayName => "Kaufland DE";

    public override IMarketplaceFake Fake => _fake ?? throw new InvalidOperationException("The Kaufland fake is not started.");

    public override string StockWriteOperation => "units.update";

    public override SettingsUpdate CredentialsWithTypo => Seller
        .SetSecret(KauflandConnector.SecretKeyKey, new SecretValue(SecretKey[..^1] + "c"));

    public override SettingsUpdate Credentials => Seller
        .SetSecret(KauflandConnector.SecretKeyKey, new SecretValue(SecretKey));

    public override SettingsUpdate Endpoint => SettingsUpdate.Empty.Set(KauflandConnector.ApiUrlKey, Kaufland.ApiAddress.ToString());

    public override SettingsUpdate SettingsForIntegration => SettingsUpdate.Empty;

    public override string TestArticle => "4711";

    public override string ForeignNumbersCsv { get; } = string.Join(
        Environment.NewLine,
        ["article_number;label;foreign_number", .. Units.Select(u => $"{u.Article};{ForeignNumberLabel.ApiUnitId};{u.Unit}"), $"9999;{ForeignNumberLabel.ApiUnitId};412000999"]);

    private KauflandFake Kaufland => _fake ?? throw new InvalidOperationException("The Kaufland fake is not started.");

    private SettingsUpdate Seller => Endpoint
        .Set(KauflandConnector.StorefrontKey, "de")
        .Set(KauflandConnector.UserAgentKey, PartnerSolution)
        .SetSecret(KauflandConnector.ClientKeyKey, new SecretValue(ClientKey));

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddKaufland(ForSampleTime);

    public override bool PointsAtFake(Connection connection) =>
        connection.Settings.Get(KauflandConnector.ApiUrlKey) == Kaufland.ApiAddress.ToString();

    public override ValueTask StartAsync(IClock clock, CancellationToken cancellationToken)
    {
        _clock = clock;

        // Kaufland's 111 requests a second run on sample time, as the connector's pacing does.
        _fake = KauflandFake.Start(new KauflandKeys(ClientKey, SecretKey), new MarketplaceFakeOptions { Clock = clock });
        foreach (var unit in Units)
        {
            _fake.SeedArticle(OfferOf(unit.Article), 0);
        }

        PlaceOrders(0);
        return ValueTask.CompletedTask;
    }

    // Kaufland's order numbers are its id_order, seven letters and digits.
    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        [.. Enumerable.Range(1, 2).Select(i => string.Create(CultureInfo.InvariantCulture, $"MK{(cycle * 10) + i:D4}E"))];

    protected override MarketplaceOrder NewOrder(string number, int pick, int quantity) =>
        Order(number, Units[pick % Units.Length], quantity);

    public override OrderStatusUpdate ShipmentOf(string orderNumber, int parcel) =>
        WholeOrderShipment(orderNumber, "00340434161095", parcel, _clock.GetCurrentInstant());

    protected override IAsyncDisposable? StartedFake => _fake;

    public override ForeignNumber OfferOf(string articleNumber) =>
        new(ForeignNumberLabel.ApiUnitId, Units.First(u => u.Article == articleNumber).Unit.ToString(CultureInfo.InvariantCulture));

    private MarketplaceOrder Order(string number, (string Article, string Title, decimal Price, long Unit) unit, int quantity)
    {
        var now = _clock.GetCurrentInstant();
        var euro = CurrencyCode.Eur;

        // The line's id is the id_order_unit of its first piece, a number, as the connector reads the line back.
        var lineId = string.Create(CultureInfo.InvariantCulture, $"56896{int.Parse(number[2..6], CultureInfo.InvariantCulture):D4}01");
        return new MarketplaceOrder
        {
            OrderNumber = number,
            MarketplaceOrderId = number,
            CreatedAt = now,
            UpdatedAt = now,
            Currency = euro,
            Status = OrderStatus.Open,
            Lines =
            [
                new OrderLine
                {
                    LineId = lineId,
                    ForeignNumber = new ForeignNumber(ForeignNumberLabel.ApiUnitId, unit.Unit.ToString(CultureInfo.InvariantCulture)),
                    Title = unit.Title,
                    Quantity = quantity,
                    UnitPrice = new Money(unit.Price, euro),
                    TaxRate = 0.19m,
                },
            ],
            ShippingCost = new Money(4.90m, euro),
            Total = new Money((unit.Price * quantity) + 4.90m, euro),
            BillingAddress = SampleAddress,
            ShippingAddress = SampleAddress,
            BuyerEmail = "kunde@example.com",
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
