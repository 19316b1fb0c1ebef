using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Shopware.Orders;
using Connect.Sdk.Shopware.Tests.TestSupport;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopware;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Shopware.Tests.Conformance;

/// <summary>
/// The conformance kit's checks against the Shopware fake, with the connector built by <c>AddShopware()</c>. The kit maps
/// its articles by importing foreign numbers, which the identity rule refuses; so the kit's connection uses a labelled
/// rule on <see cref="ShopwareConnector.ProductNumberLabel"/> instead, whose values are the product numbers, and the
/// connector reads the product number from either label (see the Shopware guide, "Foreign numbers").
/// </summary>
public sealed class ShopwareConnectorConformanceTests : ConnectorConformanceTests
{
    private const string RequestsPerSecond = "2";

    protected override ForeignNumberLabel ForeignNumberLabel => ShopwareConnector.ProductNumberLabel;

    protected override int OrderPageSize => ShopwareOrdersFeature.PageSize;

    // Shopware assigns its own order ids (32 hex); a line's number is its product number, with no seller SKU beside it;
    // a discount is a promotion line item of its own, which the fake renders with its composition and the connector puts
    // back onto the line it discounted.
    protected override IReadOnlyCollection<string> IgnoredOrderFields => ["MarketplaceOrderId", "Lines[].Sku"];

    // Shopware keeps no carrier or lines per tracking code (only trackingCodes and the delivery's shipping method), so the
    // kit checks the status and each tracking code; the carrier and lines the connector keeps in its own custom field are
    // checked by ShopwareOrderStatusTests.
    protected override IReadOnlyCollection<ShipmentField> IgnoredShipmentFields => [ShipmentField.Lines, ShipmentField.Carrier];

    protected override ValueTask<IMarketplaceFake> StartFakeAsync() =>
        ValueTask.FromResult<IMarketplaceFake>(ShopwareFake.Start(ShopwareTestKeys.Credentials));

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddConnectSdk().UseInMemoryStores().AddShopware();

    protected override ForeignNumberRules ConfigureForeignNumberRules(ForeignNumberRules rules) =>
        rules.Without(ShopwareConnector.Id).With(new ForeignNumberRule(ShopwareConnector.Id, ForeignNumberTarget.Any, ShopwareConnector.ProductNumberLabel, "Shopware product number (the kit's mapping)"));

    protected override SettingsUpdate ConnectionSettings(Uri baseAddress) =>
        ShopwareTestKeys.Settings(baseAddress).Set(ShopwareConnector.RequestsPerSecondKey, RequestsPerSecond);

    protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) =>
        ShopwareTestKeys.Settings(baseAddress, ShopwareTestKeys.WrongSecret).Set(ShopwareConnector.RequestsPerSecondKey, RequestsPerSecond);

    protected override void OnLogLine(string line) => AdapterTestLog.Record(line);
}
