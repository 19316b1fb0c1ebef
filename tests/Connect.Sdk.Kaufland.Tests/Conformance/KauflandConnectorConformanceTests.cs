using System.Globalization;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Kaufland.Orders;
using Connect.Sdk.Kaufland.Tests.TestSupport;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Kaufland;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Kaufland.Tests.Conformance;

/// <summary>The conformance kit's checks against the Kaufland fake, with the connector built by <c>AddKaufland()</c>.</summary>
public sealed class KauflandConnectorConformanceTests : ConnectorConformanceTests
{
    protected override ForeignNumberLabel ForeignNumberLabel => ForeignNumberLabel.ApiUnitId;

    protected override int OrderPageSize => KauflandOrdersFeature.PageSize;

    // What a Kaufland order unit cannot carry: an order has one id (id_order), prices are VAT included with only the rate
    // given (no tax amounts, no discounts, no shipping tax), addresses have no region, the payment method is not
    // published, the total is the units' prices and shipping rates (an order seeded without a total still has one), and a
    // line's offer id is the unit's (set when the unit was created), not the order's.
    protected override IReadOnlyCollection<string> IgnoredOrderFields =>
    [
        "MarketplaceOrderId", "ShippingTax", "PaymentMethod", "Total",
        "BillingAddress.Region", "ShippingAddress.Region",
        "Lines[].Sku", "Lines[].TaxAmount", "Lines[].Discount",
    ];

    // Kaufland's id_unit is a positive whole number.
    protected override string ForeignNumberValue(int index) => (400_000_000L + index).ToString(CultureInfo.InvariantCulture);

    // The connector's waits and the fake's rate limit run on the kit's fake time.
    protected override ValueTask<IMarketplaceFake> StartFakeAsync() =>
        ValueTask.FromResult<IMarketplaceFake>(KauflandFake.Start(KauflandTestKeys.Keys, new MarketplaceFakeOptions { Clock = new TimeProviderClock(Time), DelayTime = Time.ServerTime }));

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddConnectSdk().UseInMemoryStores().AddKaufland();

    protected override ForeignNumberRules ConfigureForeignNumberRules(ForeignNumberRules rules) =>
        rules.Find(KauflandConnector.Id) is null ? rules.With(KauflandConnector.ForeignNumberRule) : rules;

    protected override SettingsUpdate ConnectionSettings(Uri baseAddress) =>
        KauflandTestKeys.Settings(new Uri(baseAddress, KauflandFake.ApiPath));

    protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) =>
        KauflandTestKeys.Settings(new Uri(baseAddress, KauflandFake.ApiPath), KauflandTestKeys.WrongSecretKey);

    protected override void OnLogLine(string line) => AdapterTestLog.Record(line);
}
