using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Amazon;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shipments;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Amazon;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// Amazon.de through the Selling Partner API: the fake serves Login with Amazon and the SP-API on one loopback port,
/// with Amazon's usage plans per operation. The ERP's articles are merchant-fulfilled (<c>SKU_FBM</c>); the desk lamp
/// is fulfilled by Amazon (<c>SKU_FBA</c>), so its stock is Amazon's and the journal says it is not sent.
/// </summary>
internal sealed class AmazonMarketplace : SampleMarketplace
{
    private const string ClientId = "amzn1.application-oa2-client.erp-sample";
    private const string ClientSecret = "amzn1.oa2-cs.v1.erp-sample-client-secret";
    private const string RefreshToken = "Atzr|IwEBIErpSampleRefreshToken7f3a91";
    private const string SellerId = "A2ERPSAMPLESELLER";

    private static readonly (string Article, string Title, decimal Price, bool ByAmazon)[] Offers =
    [
        ("4711", "Coffee mug", 12.90m, false),
        ("5000-S", "T-shirt S", 19.90m, false),
        ("5000-M", "T-shirt M", 19.90m, false),
        ("5000-L", "T-shirt L", 19.90m, false),
        ("6100", "Desk lamp", 49.00m, true),
    ];

    private AmazonSellingPartnerFake? _fake;
    private IClock _clock = SystemClock.Instance;

    public override ConnectionId Connection { get; } = new("amazon-de");

    public override ConnectorId Connector => AmazonConnector.Id;

    public override string DisplayName => "Amazon DE";

    public override IMarketplaceFake Fake => Amazon;

    public override string StockWriteOperation => AmazonOperations.PatchListingsItem;

    public override SettingsUpdate CredentialsWithTypo => Account.SetSecret(AmazonConnector.RefreshTokenKey, new SecretValue(RefreshToken[..^1] + "2"));

    public override SettingsUpdate Credentials => Account.SetSecret(AmazonConnector.RefreshTokenKey, new SecretValue(RefreshToken));

    public override SettingsUpdate Endpoint => SettingsUpdate.Empty
        .Set(AmazonConnector.SpApiEndpointKey, Amazon.BaseAddress.ToString())
        .Set(AmazonConnector.LwaTokenEndpointKey, Amazon.TokenAddress.ToString());

    public override SettingsUpdate SettingsForIntegration => SettingsUpdate.Empty;

    public override string TestArticle => "4711";

    public override string ForeignNumbersCsv { get; } = string.Join(
        Environment.NewLine,
        ["article_number;label;foreign_number", .. Offers.Select(o => $"{o.Article};{LabelOf(o.ByAmazon)};{Sku(o.Article)}"), $"9999;{ForeignNumberLabel.SkuFbm};AZ-GHOST"]);

    private AmazonSellingPartnerFake Amazon => _fake ?? throw new InvalidOperationException("The Amazon fake is not started.");

    private SettingsUpdate Account => Endpoint
        .Set(AmazonConnector.ClientIdKey, ClientId)
        .Set(AmazonConnector.SellerIdKey, SellerId)
        .Set(AmazonConnector.RegionKey, AmazonRegion.Europe)
        .Set(AmazonConnector.MarketplaceIdsKey, AmazonSellingPartnerFake.DefaultMarketplaceId)
        .SetSecret(AmazonConnector.ClientSecretKey, new SecretValue(ClientSecret));

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddAmazon(ForSampleTime);

    public override bool PointsAtFake(Connection connection) =>
        connection.Settings.Get(AmazonConnector.SpApiEndpointKey) == Amazon.BaseAddress.ToString();

    public override ValueTask StartAsync(IClock clock, CancellationToken cancellationToken)
    {
        _clock = clock;

        // The fake's usage plans run on sample time, as the connector's pacing does.
        _fake = AmazonSellingPartnerFake.Start(new AmazonCredentials(ClientId, ClientSecret, RefreshToken, SellerId), new MarketplaceFakeOptions { Clock = clock });
        foreach (var offer in Offers)
        {
            _fake.SeedArticle(OfferOf(offer.Article), offer.ByAmazon ? 25 : 0);
        }

        PlaceOrders(0);
        return ValueTask.CompletedTask;
    }

    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        [.. Enumerable.Range(1, 2).Select(i => string.Create(CultureInfo.InvariantCulture, $"302-{4711000 + (cycle * 10) + i:D7}-{1390916 + cycle:D7}"))];

    protected override MarketplaceOrder NewOrder(string number, int pick, int quantity)
    {
        // The buyers order what the seller ships itself; Amazon ships its own stock and confirms those orders itself.
        var merchantFulfilled = Offers.Where(o => !o.ByAmazon).ToArray();
        return Order(number, merchantFulfilled[pick % merchantFulfilled.Length], quantity);
    }

    public override OrderStatusUpdate ShipmentOf(string orderNumber, int parcel) =>
        WholeOrderShipment(orderNumber, "00340434161095", parcel, _clock.GetCurrentInstant());

    protected override IAsyncDisposable? StartedFake => _fake;

    public override ForeignNumber OfferOf(string articleNumber) =>
        new(LabelOf(Offers.First(o => o.Article == articleNumber).ByAmazon), Sku(articleNumber));

    private static ForeignNumberLabel LabelOf(bool byAmazon) => byAmazon ? ForeignNumberLabel.SkuFba : ForeignNumberLabel.SkuFbm;

    private static string Sku(string article) => "AZ-" + article;

    private MarketplaceOrder Order(string number, (string Article, string Title, decimal Price, bool ByAmazon) offer, int quantity)
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
                    LineId = number + "-1",
                    ForeignNumber = OfferOf(offer.Article),
                    Title = offer.Title,
                    Quantity = quantity,
                    UnitPrice = new Money(offer.Price, euro),
                    TaxAmount = new Money(decimal.Round(offer.Price * quantity * 19m / 119m, 2), euro),
                },
            ],
            ShippingCost = new Money(4.90m, euro),
            ShippingAddress = new Address { Name = "Erika Mustermann", Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", CountryCode = "DE" },
        };
    }
}
