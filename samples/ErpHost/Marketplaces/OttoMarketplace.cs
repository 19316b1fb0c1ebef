using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Otto;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Otto;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// OTTO Market (the SDK's <c>Connect.Sdk.Otto</c> connector against its fake): articles by partner SKU (<c>ottosku</c>),
/// orders whose pieces come back as lines, shipments with a ship-from address in Hamburg.
/// </summary>
internal sealed class OttoMarketplace()
    : SampleMarketplace<OttoMarketFake>(new("otto-market"), OttoConnector.Id, "OTTO Market")
{
    private const string ClientId = "erp-sample-otto";
    private const string ClientSecret = "otto-sample-7d4e1f0a9c2b8e35";

    public override string StockWriteOperation => "availability.quantities.update";

    public override SettingsUpdate CredentialsWithTypo => Endpoint.SetSecret(OttoConnector.ClientSecretKey, new SecretValue(ClientSecret[..^1] + "6"));

    public override SettingsUpdate Credentials => Endpoint.SetSecret(OttoConnector.ClientSecretKey, new SecretValue(ClientSecret));

    // The fake listens on plain http on loopback, which the connector allows for a test double on this machine only.
    public override SettingsUpdate Endpoint => base.Endpoint
        .Set(OttoConnector.ClientIdKey, ClientId)
        .Set(OttoConnector.ShipFromCityKey, "Hamburg")
        .Set(OttoConnector.ShipFromZipCodeKey, "20457")
        .Set(OttoConnector.ShipFromCountryKey, "DEU");

    protected override string EndpointKey => OttoConnector.ApiUrlKey;

    public override string ForeignNumbersCsv => OffersCsv(new(ForeignNumberLabel.OttoSku, "OTTO-GHOST"));

    protected override IReadOnlyList<SampleArticle> Offered => SampleArticle.Few;

    protected override string TrackingPrefix => "00340434161096";

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddOtto(ForSampleTime);

    public override ForeignNumber OfferOf(string articleNumber) => new(ForeignNumberLabel.OttoSku, "OTTO-" + articleNumber);

    // OTTO's order numbers are ten characters of letters and digits; the sales order id is a UUID apart from it.
    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        TwoOrders(cycle, serial => string.Create(CultureInfo.InvariantCulture, $"bq{7000 + serial:D8}"));

    protected override OttoMarketFake Start(IClock clock) =>
        OttoMarketFake.Start(new OttoCredentials(ClientId, ClientSecret), new MarketplaceFakeOptions { Clock = clock });

    protected override MarketplaceOrder OrderOf(string number, SampleArticle article, int quantity)
    {
        var id = int.Parse(number[2..], CultureInfo.InvariantCulture);
        var lineId = new Guid(id, 0x5e65, 0x4f66, [0x9f, 0xee, 0x8b, 0x22, 0x78, 0x61, 0xfc, 0x83]).ToString();
        return OpenOrder(number, LineOf(lineId, article, quantity) with { TaxRate = GermanVatRate }, shipping: 4.95m, SampleBuyer.Erika) with
        {
            MarketplaceOrderId = new Guid(id, 0x11f4, 0x4baf, [0x9b, 0x56, 0x0c, 0xee, 0x82, 0x93, 0x89, 0xa0]).ToString(),
            PaymentMethod = "INVOICE_SINGLE",
        };
    }
}
