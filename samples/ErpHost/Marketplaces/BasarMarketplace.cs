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
internal sealed class BasarMarketplace()
    : SampleMarketplace<BasarFake>(new("basar-de"), BasarConnector.Id, "Basar DE")
{
    private const string Token = "basar-sample-token-7f3a91";

    public override string StockWriteOperation => "offers.stock";

    public override SettingsUpdate CredentialsWithTypo => Endpoint.SetSecret(BasarConnector.ApiTokenKey, new SecretValue(Token[..^1] + "2"));

    public override SettingsUpdate Credentials => Endpoint.SetSecret(BasarConnector.ApiTokenKey, new SecretValue(Token));

    protected override string EndpointKey => BasarConnector.BaseUrlKey;

    public override SettingsUpdate SettingsForIntegration => SettingsUpdate.Empty.Set(BasarConnector.FallbackCarrierKey, Carrier.Dhl.Value);

    public override string ForeignNumbersCsv => OffersCsv(new(BasarConnector.OfferIdLabel, "BA-GHOST"));

    protected override IReadOnlyList<SampleArticle> Offered => SampleArticle.All;

    protected override string TrackingPrefix => "00340434161094";

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddBasar();

    public override ForeignNumber OfferOf(string articleNumber) => new(BasarConnector.OfferIdLabel, "BA-" + articleNumber);

    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        TwoOrders(cycle, serial => string.Create(CultureInfo.InvariantCulture, $"BA-{1000 + serial}"));

    protected override BasarFake Start(IClock clock) =>
        BasarFake.Start(Token, new MarketplaceFakeOptions { Clock = clock, RateLimit = BasarFake.DocumentedRateLimit });

    protected override MarketplaceOrder OrderOf(string number, SampleArticle article, int quantity) =>
        WithTotal(OpenOrder(number, LineOf(number + "-L1", article, quantity) with { TaxRate = GermanVatRate }, shipping: 4.90m, SampleBuyer.Erika) with
        {
            MarketplaceOrderId = "900" + number,
            PaymentMethod = "invoice",
        });
}
