using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Connectors;
using Connect.Sdk.DependencyInjection;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Kaufland;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Orders;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Kaufland;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ErpHost.Marketplaces;

/// <summary>
/// Kaufland's German storefront (the SDK's <c>Connect.Sdk.Kaufland</c> connector against its fake): articles by unit
/// id (<c>apiunitid</c>), stock and listing prices per unit, orders of one order unit per piece, each piece marked sent.
/// </summary>
internal sealed class KauflandMarketplace()
    : SampleMarketplace<KauflandFake>(new("kaufland-de"), KauflandConnector.Id, "Kaufland DE")
{
    private const string ClientKey = "3bd7e1f2a4c6085b9d1e2f3a4b5c6d7e";
    private const string SecretKey = "8c2f0e1d3b5a79684f2e1d0c9b8a7f6e5d4c3b2a190817263544536271809a1b";
    private const string PartnerSolution = "ErpHost sample";

    private static readonly Dictionary<string, long> Units = new(StringComparer.Ordinal)
    {
        ["4711"] = 412_000_4711,
        ["5000-S"] = 412_000_5001,
        ["5000-M"] = 412_000_5002,
        ["5000-L"] = 412_000_5003,
        ["6100"] = 412_000_6100,
    };

    public override string StockWriteOperation => "units.update";

    public override SettingsUpdate CredentialsWithTypo => Seller
        .SetSecret(KauflandConnector.SecretKeyKey, new SecretValue(SecretKey[..^1] + "c"));

    public override SettingsUpdate Credentials => Seller
        .SetSecret(KauflandConnector.SecretKeyKey, new SecretValue(SecretKey));

    protected override string EndpointKey => KauflandConnector.ApiUrlKey;

    protected override Uri FakeAddress => Running.ApiAddress;

    public override string ForeignNumbersCsv => OffersCsv(new(ForeignNumberLabel.ApiUnitId, "412000999"));

    protected override IReadOnlyList<SampleArticle> Offered => SampleArticle.All;

    protected override string TrackingPrefix => "00340434161095";

    private SettingsUpdate Seller => Endpoint
        .Set(KauflandConnector.StorefrontKey, "de")
        .Set(KauflandConnector.UserAgentKey, PartnerSolution)
        .SetSecret(KauflandConnector.ClientKeyKey, new SecretValue(ClientKey));

    public override void Register(ConnectSdkBuilder sdk) => sdk.AddKaufland(ForSampleTime);

    public override ForeignNumber OfferOf(string articleNumber) =>
        new(ForeignNumberLabel.ApiUnitId, Units[articleNumber].ToString(CultureInfo.InvariantCulture));

    // Kaufland's order numbers are its id_order, seven letters and digits.
    public override IReadOnlyList<string> OrdersOf(int cycle) =>
        TwoOrders(cycle, serial => string.Create(CultureInfo.InvariantCulture, $"MK{serial:D4}E"));

    // Kaufland's 111 requests a second run on sample time, as the connector's pacing does.
    protected override KauflandFake Start(IClock clock) =>
        KauflandFake.Start(new KauflandKeys(ClientKey, SecretKey), new MarketplaceFakeOptions { Clock = clock });

    protected override MarketplaceOrder OrderOf(string number, SampleArticle article, int quantity)
    {
        // The line's id is the id_order_unit of its first piece, a number, as the connector reads the line back.
        var lineId = string.Create(CultureInfo.InvariantCulture, $"56896{int.Parse(number[2..6], CultureInfo.InvariantCulture):D4}01");
        return WithTotal(OpenOrder(number, LineOf(lineId, article, quantity) with { TaxRate = GermanVatRate }, shipping: 4.90m, SampleBuyer.Max));
    }
}
