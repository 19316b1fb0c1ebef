using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Ebay;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Ebay;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// eBay Germany through the Sell APIs (the SDK's <c>Connect.Sdk.Ebay</c> connector against its fake): every article is an
/// inventory item by SKU with a live listing; the simple articles carry their listing id (<c>eBayListing</c>), the
/// T-shirt's sizes their SKU (<c>Bestandseinheit</c> in the CSV), as the SDK's eBay rules have it. Buyers order the sizes.
/// </summary>
internal sealed class EbayMarketplace : SampleMarketplace
{
    private const string ClientId = "ErpSampl-ConnectS-PRD-7f3a91c2d-4b5e6f70";
    private const string ClientSecret = "PRD-7f3a91c2d4b5-e6f7-4a8b-9c0d-1e2f";
    private const string RefreshToken = "v^1.1#i^1#p^3#r^1#I^3#f^0#t^ErpSampleRefreshToken=";

    private static readonly string[] Listings = ["4711", "6100"];

    private static readonly (string Article, string Title, decimal Price)[] Variants =
    [
        ("5000-S", "T-shirt S", 19.90m),
        ("5000-M", "T-shirt M", 19.90m),
        ("5000-L", "T-shirt L", 19.90m),
    ];

    private EbayFake? _fake;
    private IClock _clock = SystemClock.Instance;

    public override ConnectionId Connection { get; } = new("ebay-de");

    public override ConnectorId Connector => EbayConnector.Id;

    public override string DisplayName => "eBay DE";

    public override IMarketplaceFake Fake => Ebay;

    public override string StockWriteOperation => EbayOperations.BulkUpdatePriceQuantity;

    public override SettingsUpdate CredentialsWithTypo => Application.SetSecret(EbayConnector.RefreshTokenKey, new SecretValue(RefreshToken[..^2] + "A="));

    public override SettingsUpdate Credentials => Application.SetSecret(EbayConnector.RefreshTokenKey, new SecretValue(RefreshToken));

    // The fake listens on plain http on loopback, which the connector allows for a host on this machine only.
    public override SettingsUpdate Endpoint => SettingsUpdate.Empty.Set(EbayConnector.ApiEndpointKey, Ebay.BaseAddress.ToString());

    public override SettingsUpdate SettingsForIntegration => SettingsUpdate.Empty.Set(EbayConnector.MarketplaceIdKey, EbayFake.DefaultMarketplaceId);

    public override string TestArticle => "4711";

    // The listing ids are the fake's, known once it runs: the CSV is read after the marketplaces started.
    public override string ForeignNumbersCsv => string.Join(
        Environment.NewLine,
        [
            "article_number;label;foreign_number",
            .. Listings.Select(a => $"{a};{ForeignNumberLabel.EbayListing};{Ebay.ListingIdOf(Sku(a))}"),
            .. Variants.Select(v => $"{v.Article};{ForeignNumberLabel.Bestandseinheit};{Sku(v.Article)}"),
            $"9999;{ForeignNumberLabel.Sku};EB-GHOST",
        ]);

    private EbayFake Ebay => _fake ?? throw new InvalidOperationException("The eBay fake is not started.");

    private SettingsUpdate Application => Endpoint
        .Set(EbayConnector.ClientIdKey, ClientId)
        .SetSecret(EbayConnector.ClientSecretKey, new SecretValue(ClientSecret));

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddEbay(ForSampleTime);

    public override bool PointsAtFake(Connection connection) =>
        connection.Settings.Get(EbayConnector.ApiEndpointKey) == Ebay.BaseAddress.ToString();

    public override ValueTask StartAsync(IClock clock, CancellationToken cancellationToken)
    {
        _clock = clock;
        _fake = EbayFake.Start(new EbayCredentials(ClientId, ClientSecret, RefreshToken), new MarketplaceFakeOptions { Clock = clock });
        foreach (var article in Listings.Concat(Variants.Select(v => v.Article)))
        {
            _fake.SeedArticle(OfferOf(article), 0);
        }

        PlaceOrders(0);
        return ValueTask.CompletedTask;
    }

    // eBay's order ids: two digits, five digits, five digits.
    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        [.. Enumerable.Range(1, 2).Select(i => string.Create(CultureInfo.InvariantCulture, $"24-{12000 + (cycle * 10) + i:D5}-{47110 + cycle:D5}"))];

    protected override MarketplaceOrder NewOrder(string number, int pick, int quantity) =>
        Order(number, Variants[pick % Variants.Length], quantity);

    public override OrderStatusUpdate ShipmentOf(string orderNumber, int parcel) =>
        WholeOrderShipment(orderNumber, "00340434161096", parcel, _clock.GetCurrentInstant());

    protected override IAsyncDisposable? StartedFake => _fake;

    // The fake is read by SKU, whichever foreign number the article carries.
    public override ForeignNumber OfferOf(string articleNumber) => new(ForeignNumberLabel.Sku, Sku(articleNumber));

    private static string Sku(string article) => "EB-" + article;

    private MarketplaceOrder Order(string number, (string Article, string Title, decimal Price) variant, int quantity)
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
                    LineId = "1" + number.Replace("-", string.Empty, StringComparison.Ordinal),
                    ForeignNumber = OfferOf(variant.Article),
                    Title = variant.Title,
                    Quantity = quantity,
                    UnitPrice = new Money(variant.Price, euro),
                    TaxAmount = new Money(decimal.Round(variant.Price * quantity * 19m / 119m, 2), euro),
                },
            ],
            ShippingCost = new Money(4.90m, euro),
            ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
        };
    }
}
