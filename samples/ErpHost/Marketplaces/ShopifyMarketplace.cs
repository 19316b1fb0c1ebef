using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shopify;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// A Shopify shop (the SDK's Shopify fake, GraphQL Admin API): simple articles carry their product id, the T-shirt's
/// sizes their variant ids; stock goes to the shop's one location.
/// </summary>
internal sealed class ShopifyMarketplace()
    : SampleMarketplace<ShopifyFake>(new("shopify-de"), ShopifyConnector.Id, "Shopify DE")
{
    private const string Token = "shpat_sample_3c9e1f0a7b2d4e6f8a1c3e5f7b9d0a2c";

    // Shopify ids are 64-bit numbers; these are above 2^53, where a double would round them.
    private static readonly Dictionary<string, long> Ids = new(StringComparer.Ordinal)
    {
        ["4711"] = 9_007_199_254_810_001,
        ["5000-S"] = 9_007_199_254_820_001,
        ["5000-M"] = 9_007_199_254_820_003,
        ["5000-L"] = 9_007_199_254_820_005,
        ["6100"] = 9_007_199_254_810_003,
    };

    // The fake draws body and status faults per GraphQL root field.
    public override string StockWriteOperation => "graphql.inventorySetQuantities";

    public override SettingsUpdate CredentialsWithTypo => Endpoint.SetSecret(ShopifyConnector.AccessTokenKey, new SecretValue(Token[..^1] + "3"));

    public override SettingsUpdate Credentials => Endpoint.SetSecret(ShopifyConnector.AccessTokenKey, new SecretValue(Token));

    // The location goes in with the endpoint: the test phase already sends stock, and Shopify keeps stock per location.
    public override SettingsUpdate Endpoint => SettingsForIntegration.Set(EndpointKey, Running.BaseAddress.ToString());

    public override SettingsUpdate SettingsForIntegration =>
        SettingsUpdate.Empty.Set(ShopifyConnector.LocationKey, Running.LocationId.ToString(CultureInfo.InvariantCulture));

    protected override string EndpointKey => ShopifyConnector.ShopKey;

    public override string ForeignNumbersCsv => OffersCsv(new(ForeignNumberLabel.ShopifyProductId, "1"));

    protected override IReadOnlyList<SampleArticle> Offered => SampleArticle.All;

    protected override string TrackingPrefix => "00340434161095";

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddShopify(ForSampleTime);

    // Simple articles are products; the T-shirt's sizes are variants of one product.
    public override ForeignNumber OfferOf(string articleNumber) => new(
        SampleArticle.All.Single(a => a.Number == articleNumber).IsTShirtSize ? ForeignNumberLabel.ShopifyVariantId : ForeignNumberLabel.ShopifyProductId,
        Ids[articleNumber].ToString(CultureInfo.InvariantCulture));

    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        TwoOrders(cycle, serial => string.Create(CultureInfo.InvariantCulture, $"{3000 + serial}"));

    // The shop's cost bucket runs on the sample's clock, as the connector's pacing does.
    protected override ShopifyFake Start(IClock clock) => ShopifyFake.Start(Token, new MarketplaceFakeOptions { Clock = clock });

    protected override Uri TrackingUrlOf(string trackingNumber) =>
        new("https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=" + trackingNumber);

    protected override MarketplaceOrder OrderOf(string number, SampleArticle article, int quantity) =>
        WithTotal(OpenOrder(number, LineOf("96" + number + "0001", article, quantity) with { TaxRate = GermanVatRate }, shipping: 4.90m, SampleBuyer.Erika) with
        {
            MarketplaceOrderId = "95" + number + "0001",
            PaymentMethod = "shopify_payments",
        });
}
