using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Shopware;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopware;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// A Shopware 6 shop (the SDK's <c>Connect.Sdk.Shopware</c> connector against its fake): the identity rule, so the shop's
/// product numbers are the ERP's article numbers and no foreign numbers are imported; the T-shirt as a parent product
/// with its sizes as variants; tracking codes on the order's delivery.
/// </summary>
internal sealed class ShopwareMarketplace()
    : SampleMarketplace<ShopwareFake>(new("shopware-shop"), ShopwareConnector.Id, "Shopware shop")
{
    private const string ClientId = "SWIASAMPLEERPHOST00000000";
    private const string ClientSecret = "c2FtcGxlLXNob3B3YXJlLXNlY3JldC1hY2Nlc3Mta2V5";

    // Stock goes through the sync API; the fake names a sync request that writes stock sync.stock.
    public override string StockWriteOperation => "sync.stock";

    public override SettingsUpdate CredentialsWithTypo => Endpoint
        .SetSecret(ShopwareConnector.ClientIdKey, new SecretValue(ClientId))
        .SetSecret(ShopwareConnector.ClientSecretKey, new SecretValue(ClientSecret[..^1] + "0"));

    public override SettingsUpdate Credentials => Endpoint
        .SetSecret(ShopwareConnector.ClientIdKey, new SecretValue(ClientId))
        .SetSecret(ShopwareConnector.ClientSecretKey, new SecretValue(ClientSecret));

    // The fake listens on plain http on loopback, which the connector allows for a shop on this machine only.
    protected override string EndpointKey => ShopwareConnector.ShopUrlKey;

    // The identity rule: Shopware's product numbers are the ERP's article numbers. A user's CSV row is refused, saying so.
    public override string ForeignNumbersCsv =>
        ForeignNumbersCsvOf([(SampleArticle.CoffeeMug.Number, new(new ForeignNumberLabel("productNumber"), "SW-4711"))]);

    protected override IReadOnlyList<SampleArticle> Offered => SampleArticle.All;

    protected override string TrackingPrefix => "00340434161096";

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddShopware(ForSampleTime);

    // Under the identity rule the product number is the article number.
    public override ForeignNumber OfferOf(string articleNumber) => new(ForeignNumberLabel.ArticleNumber, articleNumber);

    // Shopware's order numbers come from its number range, 10000 onwards.
    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        TwoOrders(cycle, serial => (10000 + serial).ToString(CultureInfo.InvariantCulture));

    protected override ShopwareFake Start(IClock clock) =>
        ShopwareFake.Start(new ShopwareCredentials(ClientId, ClientSecret), new MarketplaceFakeOptions { Clock = clock });

    protected override void Seed(ShopwareFake fake)
    {
        foreach (var article in Offered)
        {
            if (article.IsTShirtSize)
            {
                fake.SeedVariant(OfferOf(article.Number), 0, "5000");
            }
            else
            {
                fake.SeedArticle(OfferOf(article.Number), 0);
            }
        }
    }

    // Shopware keeps every line's taxes (CalculatedPrice.calculatedTaxes); the German standard rate, in the gross price.
    protected override MarketplaceOrder OrderOf(string number, SampleArticle article, int quantity)
    {
        var line = LineOf(number + "01", article, quantity) with { TaxRate = GermanVatRate, TaxAmount = GermanVatIn(article, quantity) };
        return WithTotal(OpenOrder(number, line, shipping: 4.90m, SampleBuyer.Max) with { PaymentMethod = "Invoice" });
    }
}
