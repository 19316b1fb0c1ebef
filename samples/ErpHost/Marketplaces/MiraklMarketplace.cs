using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Mirakl;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Mirakl;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// A marketplace run on Mirakl (the SDK's <c>Connect.Sdk.Mirakl</c> connector against its fake): offers by shop SKU,
/// stock and prices through file imports, orders the shop has accepted, tracking and shipment validation.
/// </summary>
internal sealed class MiraklMarketplace()
    : SampleMarketplace<MiraklFake>(new("mirakl-marketplace"), MiraklConnector.Id, "Mirakl marketplace")
{
    private const string ApiKey = "sample-mirakl-9c1f4e2a-77b0-4d3e-a5f1-0b6c2d8e4f10";
    private const long ShopId = 2001;

    public override string StockWriteOperation => "offers.stock.import";

    public override SettingsUpdate CredentialsWithTypo => Endpoint.SetSecret(MiraklConnector.ApiKeyKey, new SecretValue(ApiKey[..^1] + "1"));

    public override SettingsUpdate Credentials => Endpoint.SetSecret(MiraklConnector.ApiKeyKey, new SecretValue(ApiKey));

    // The fake listens on plain http on loopback, which the connector allows for an instance on this machine only.
    public override SettingsUpdate Endpoint => base.Endpoint.Set(MiraklConnector.ShopIdKey, ShopId.ToString(CultureInfo.InvariantCulture));

    protected override string EndpointKey => MiraklConnector.InstanceUrlKey;

    // Orders the ERP can fulfil are accepted without a user.
    public override SettingsUpdate SettingsForIntegration => SettingsUpdate.Empty.Set(MiraklConnector.AcceptanceKey, "automatic");

    public override string ForeignNumbersCsv => OffersCsv(new(ForeignNumberLabel.MiraklShopSku, "MK-GHOST"));

    protected override IReadOnlyList<SampleArticle> Offered => SampleArticle.Few;

    protected override string TrackingPrefix => "00340434162";

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddMirakl(ForSampleTime);

    public override ForeignNumber OfferOf(string articleNumber) => new(ForeignNumberLabel.MiraklShopSku, "MK-" + articleNumber);

    // Mirakl's order ids: the buyer's commercial order and the shop's letter.
    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        TwoOrders(cycle, serial => string.Create(CultureInfo.InvariantCulture, $"MK{7000 + serial}-A"));

    protected override MiraklFake Start(IClock clock) =>
        MiraklFake.Start(new MiraklCredentials(ApiKey, ShopId), new MarketplaceFakeOptions { Clock = clock });

    protected override MarketplaceOrder OrderOf(string number, SampleArticle article, int quantity)
    {
        var line = LineOf(number + "-1", article, quantity) with { TaxRate = GermanVatRate, TaxAmount = GermanVatIn(article, quantity) };
        return WithTotal(OpenOrder(number, line, shipping: 3.90m, SampleBuyer.Max) with
        {
            MarketplaceOrderId = number[..^2],
            PaymentMethod = "CREDIT_CARD",
        });
    }
}
