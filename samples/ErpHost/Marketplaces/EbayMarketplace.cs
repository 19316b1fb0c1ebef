using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.Ebay;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
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
internal sealed class EbayMarketplace()
    : SampleMarketplace<EbayFake>(new("ebay-de"), EbayConnector.Id, "eBay DE")
{
    private const string ClientId = "ErpSampl-ConnectS-PRD-7f3a91c2d-4b5e6f70";
    private const string ClientSecret = "PRD-7f3a91c2d4b5-e6f7-4a8b-9c0d-1e2f";
    private const string RefreshToken = "v^1.1#i^1#p^3#r^1#I^3#f^0#t^ErpSampleRefreshToken=";

    private static readonly SampleArticle[] Listings = [SampleArticle.CoffeeMug, SampleArticle.DeskLamp];

    public override string StockWriteOperation => EbayOperations.BulkUpdatePriceQuantity;

    public override SettingsUpdate CredentialsWithTypo => Application.SetSecret(EbayConnector.RefreshTokenKey, new SecretValue(RefreshToken[..^2] + "A="));

    public override SettingsUpdate Credentials => Application.SetSecret(EbayConnector.RefreshTokenKey, new SecretValue(RefreshToken));

    // The fake listens on plain http on loopback, which the connector allows for a host on this machine only.
    protected override string EndpointKey => EbayConnector.ApiEndpointKey;

    public override SettingsUpdate SettingsForIntegration => SettingsUpdate.Empty.Set(EbayConnector.MarketplaceIdKey, EbayFake.DefaultMarketplaceId);

    // The listing ids are the fake's, known once it runs: the CSV is read after the marketplaces started.
    public override string ForeignNumbersCsv => ForeignNumbersCsvOf(
        [
            .. Listings.Select(a => (a.Number, new ForeignNumber(ForeignNumberLabel.EbayListing, Running.ListingIdOf(OfferOf(a.Number).Value) ?? string.Empty))),
            .. SampleArticle.TShirtSizes.Select(a => (a.Number, new ForeignNumber(ForeignNumberLabel.Bestandseinheit, OfferOf(a.Number).Value))),
            (UnknownArticle, new ForeignNumber(ForeignNumberLabel.Sku, "EB-GHOST")),
        ]);

    protected override IReadOnlyList<SampleArticle> Offered { get; } = [.. Listings, .. SampleArticle.TShirtSizes];

    protected override IReadOnlyList<SampleArticle> Orderable => SampleArticle.TShirtSizes;

    protected override string TrackingPrefix => "00340434161096";

    private SettingsUpdate Application => Endpoint
        .Set(EbayConnector.ClientIdKey, ClientId)
        .SetSecret(EbayConnector.ClientSecretKey, new SecretValue(ClientSecret));

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddEbay(ForSampleTime);

    // The fake is read by SKU, whichever foreign number the article carries.
    public override ForeignNumber OfferOf(string articleNumber) => new(ForeignNumberLabel.Sku, "EB-" + articleNumber);

    // eBay's order ids: two digits, five digits, five digits.
    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        TwoOrders(cycle, serial => string.Create(CultureInfo.InvariantCulture, $"24-{12000 + serial:D5}-{47110 + cycle:D5}"));

    protected override EbayFake Start(IClock clock) =>
        EbayFake.Start(new EbayCredentials(ClientId, ClientSecret, RefreshToken), new MarketplaceFakeOptions { Clock = clock });

    // eBay passes on the address to ship to, not the buyer's billing address or e-mail.
    protected override MarketplaceOrder OrderOf(string number, SampleArticle article, int quantity) => OpenOrder(
        number,
        LineOf("1" + number.Replace("-", string.Empty, StringComparison.Ordinal), article, quantity) with { TaxAmount = GermanVatIn(article, quantity) },
        shipping: 4.90m,
        SampleBuyer.Erika.ShippingOnly);
}
