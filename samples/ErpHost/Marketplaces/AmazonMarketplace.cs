using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Amazon;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
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
internal sealed class AmazonMarketplace()
    : SampleMarketplace<AmazonSellingPartnerFake>(new("amazon-de"), AmazonConnector.Id, "Amazon DE")
{
    private const string ClientId = "amzn1.application-oa2-client.erp-sample";
    private const string ClientSecret = "amzn1.oa2-cs.v1.erp-sample-client-secret";
    private const string RefreshToken = "Atzr|IwEBIErpSampleRefreshToken7f3a91";
    private const string SellerId = "A2ERPSAMPLESELLER";

    private static readonly SampleArticle ByAmazon = SampleArticle.DeskLamp;

    public override string StockWriteOperation => AmazonOperations.PatchListingsItem;

    public override SettingsUpdate CredentialsWithTypo => Account.SetSecret(AmazonConnector.RefreshTokenKey, new SecretValue(RefreshToken[..^1] + "2"));

    public override SettingsUpdate Credentials => Account.SetSecret(AmazonConnector.RefreshTokenKey, new SecretValue(RefreshToken));

    public override SettingsUpdate Endpoint => base.Endpoint.Set(AmazonConnector.LwaTokenEndpointKey, Running.TokenAddress.ToString());

    protected override string EndpointKey => AmazonConnector.SpApiEndpointKey;

    public override string ForeignNumbersCsv => OffersCsv(new(ForeignNumberLabel.SkuFbm, "AZ-GHOST"));

    protected override IReadOnlyList<SampleArticle> Offered => SampleArticle.All;

    // The buyers order what the seller ships itself; Amazon ships its own stock and confirms those orders itself.
    protected override IReadOnlyList<SampleArticle> Orderable { get; } = [.. SampleArticle.All.Where(a => a != ByAmazon)];

    protected override string TrackingPrefix => "00340434161095";

    private SettingsUpdate Account => Endpoint
        .Set(AmazonConnector.ClientIdKey, ClientId)
        .Set(AmazonConnector.SellerIdKey, SellerId)
        .Set(AmazonConnector.RegionKey, AmazonRegion.Europe)
        .Set(AmazonConnector.MarketplaceIdsKey, AmazonSellingPartnerFake.DefaultMarketplaceId)
        .SetSecret(AmazonConnector.ClientSecretKey, new SecretValue(ClientSecret));

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddAmazon(ForSampleTime);

    public override ForeignNumber OfferOf(string articleNumber) =>
        new(articleNumber == ByAmazon.Number ? ForeignNumberLabel.SkuFba : ForeignNumberLabel.SkuFbm, "AZ-" + articleNumber);

    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        TwoOrders(cycle, serial => string.Create(CultureInfo.InvariantCulture, $"302-{4711000 + serial:D7}-{1390916 + cycle:D7}"));

    // The fake's usage plans run on sample time, as the connector's pacing does.
    protected override AmazonSellingPartnerFake Start(IClock clock) => AmazonSellingPartnerFake.Start(
        new AmazonCredentials(ClientId, ClientSecret, RefreshToken, SellerId),
        new MarketplaceFakeOptions { Clock = clock });

    // Amazon holds the stock it fulfils; the seller's own stock comes from the ERP.
    protected override void Seed(AmazonSellingPartnerFake fake)
    {
        foreach (var article in Offered)
        {
            fake.SeedArticle(OfferOf(article.Number), article == ByAmazon ? 25 : 0);
        }
    }

    // Amazon passes on the address to ship to, not the buyer's billing address or e-mail.
    protected override MarketplaceOrder OrderOf(string number, SampleArticle article, int quantity) => OpenOrder(
        number,
        LineOf(number + "-1", article, quantity) with { TaxAmount = GermanVatIn(article, quantity) },
        shipping: 4.90m,
        SampleBuyer.Erika.ShippingOnly);
}
