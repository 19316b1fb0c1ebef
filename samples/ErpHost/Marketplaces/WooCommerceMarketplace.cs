using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using Connect.Sdk.WooCommerce;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// A WooCommerce shop (the SDK's <c>Connect.Sdk.WooCommerce</c> connector against its fake): articles by SKU, the
/// T-shirt as a variable product with its sizes as variations, tracking as order notes.
/// </summary>
internal sealed class WooCommerceMarketplace()
    : SampleMarketplace<WooCommerceFake>(new("woocommerce-shop"), WooCommerceConnector.Id, "WooCommerce shop")
{
    private const string ConsumerKey = "ck_sample_2b7e151628aed2a6abf7158809cf4f3c";
    private const string ConsumerSecret = "cs_sample_3243f6a8885a308d313198a2e0370734";
    private const string TShirt = "WC-5000";

    // The story's sold article is the T-shirt M, a variation: its stock goes through the variations' batch route.
    public override string StockWriteOperation => "variations.batch";

    public override SettingsUpdate CredentialsWithTypo => Endpoint
        .SetSecret(WooCommerceConnector.ConsumerKeyKey, new SecretValue(ConsumerKey))
        .SetSecret(WooCommerceConnector.ConsumerSecretKey, new SecretValue(ConsumerSecret[..^1] + "5"));

    public override SettingsUpdate Credentials => Endpoint
        .SetSecret(WooCommerceConnector.ConsumerKeyKey, new SecretValue(ConsumerKey))
        .SetSecret(WooCommerceConnector.ConsumerSecretKey, new SecretValue(ConsumerSecret));

    // The fake listens on plain http on loopback, which the connector allows for a shop on this machine only.
    protected override string EndpointKey => WooCommerceConnector.StoreUrlKey;

    public override string ForeignNumbersCsv => OffersCsv(new(ForeignNumberLabel.Sku, "WC-GHOST"));

    protected override IReadOnlyList<SampleArticle> Offered => SampleArticle.All;

    protected override string TrackingPrefix => "00340434161095";

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddWooCommerce(ForSampleTime);

    public override ForeignNumber OfferOf(string articleNumber) => new(ForeignNumberLabel.Sku, "WC-" + articleNumber);

    // WooCommerce's order numbers are its order ids.
    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        TwoOrders(cycle, serial => (3000 + serial).ToString(CultureInfo.InvariantCulture));

    protected override WooCommerceFake Start(IClock clock)
    {
        var shop = WooCommerceFake.Start(new WooCommerceCredentials(ConsumerKey, ConsumerSecret), new MarketplaceFakeOptions { Clock = clock });

        // A German shop enters its prices with tax, so the connection's price rules send gross prices.
        shop.PricesIncludeTax = true;
        return shop;
    }

    protected override void Seed(WooCommerceFake fake)
    {
        foreach (var article in Offered)
        {
            if (article.IsTShirtSize)
            {
                fake.SeedVariation(OfferOf(article.Number), 0, TShirt);
            }
            else
            {
                fake.SeedArticle(OfferOf(article.Number), 0);
            }
        }
    }

    protected override MarketplaceOrder OrderOf(string number, SampleArticle article, int quantity) =>
        WithTotal(OpenOrder(number, LineOf(number + "01", article, quantity), shipping: 4.90m, SampleBuyer.Max) with
        {
            PricesIncludeTax = false,
            PaymentMethod = "bacs",
        });
}
