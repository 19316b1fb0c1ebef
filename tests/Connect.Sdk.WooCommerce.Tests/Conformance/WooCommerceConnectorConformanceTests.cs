using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.WooCommerce;
using Connect.Sdk.TestSupport;
using Connect.Sdk.WooCommerce.Orders;
using Connect.Sdk.WooCommerce.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.WooCommerce.Tests.Conformance;

/// <summary>The conformance kit's checks against the WooCommerce fake, with the connector built by <c>AddWooCommerce()</c>.</summary>
public sealed class WooCommerceConnectorConformanceTests : ConnectorConformanceTests
{
    private const string RequestsPerSecond = "0.5";

    protected override ForeignNumberLabel ForeignNumberLabel => ForeignNumberLabel.Sku;

    protected override int OrderPageSize => WooCommerceOrdersFeature.PageSize;

    // A WooCommerce line's SKU is its product's, which is the foreign number: a seller SKU apart from it cannot exist.
    protected override IReadOnlyCollection<string> IgnoredOrderFields => ["Lines[].Sku"];

    // The kit publishes prices on PriceRules.Default's gross basis, so its shop enters prices with tax.
    protected override ValueTask<IMarketplaceFake> StartFakeAsync()
    {
        var fake = WooCommerceFake.Start(WooTestKeys.Credentials);
        fake.PricesIncludeTax = true;
        return ValueTask.FromResult<IMarketplaceFake>(fake);
    }

    // As an ERP registers it; the kit's fake time skips the retry waits (Retry-After: 1 after a 429, back-off after 5xx)
    // and fires no timeout while the fake answers.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddConnectSdk().UseInMemoryStores().AddWooCommerce();

    protected override ForeignNumberRules ConfigureForeignNumberRules(ForeignNumberRules rules) =>
        rules.Find(WooCommerceConnector.Id) is null ? rules.With(WooCommerceConnector.ForeignNumberRule) : rules;

    // One request every two seconds, a small shared host's budget: the kit's bursts wait for it on fake time, not real time.
    protected override SettingsUpdate ConnectionSettings(Uri baseAddress) =>
        WooTestKeys.Settings(baseAddress).Set(WooCommerceConnector.RequestsPerSecondKey, RequestsPerSecond);

    protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) =>
        WooTestKeys.Settings(baseAddress, WooTestKeys.WrongSecret).Set(WooCommerceConnector.RequestsPerSecondKey, RequestsPerSecond);

    protected override void OnLogLine(string line) => AdapterTestLog.Record(line);
}
