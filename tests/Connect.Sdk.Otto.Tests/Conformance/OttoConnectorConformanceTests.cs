using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Otto.Orders;
using Connect.Sdk.Otto.Tests.TestSupport;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Otto;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Otto.Tests.Conformance;

/// <summary>The conformance kit's checks against the OTTO Market fake, with the connector built by <c>AddOtto()</c>.</summary>
public sealed class OttoConnectorConformanceTests : ConnectorConformanceTests
{
    private const string RequestsPerMinute = "30";

    protected override ForeignNumberLabel ForeignNumberLabel => ForeignNumberLabel.OttoSku;

    protected override int OrderPageSize => OttoOrdersFeature.PageSize;

    protected override IReadOnlyCollection<string> IgnoredOrderFields =>
    [
        // An OTTO line's SKU is the partner SKU, which is the foreign number: a seller SKU apart from it cannot exist.
        "Lines[].Sku",

        // Orders v4 carries a VAT rate per product but no tax amounts, and no order total.
        "Lines[].TaxAmount",
        "ShippingTax",
        "Total",

        // OTTO's addresses (AddressOrdersV4) have no company and no region field.
        "BillingAddress.Company",
        "BillingAddress.Region",
        "ShippingAddress.Company",
        "ShippingAddress.Region",
    ];

    // The connection paces every endpoint at 30 a minute, on the kit's fake time. The fake enforces no limit here: its
    // clock is real time while the kit's runs ahead; Pacing/OttoPacingTests proves the pacing against the fake's limit.
    protected override ValueTask<IMarketplaceFake> StartFakeAsync() =>
        ValueTask.FromResult<IMarketplaceFake>(OttoMarketFake.Start(OttoTestKeys.Credentials));

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddConnectSdk().UseInMemoryStores().AddOtto();

    protected override ForeignNumberRules ConfigureForeignNumberRules(ForeignNumberRules rules) =>
        rules.Find(OttoConnector.Id) is null ? rules.With(OttoConnector.ForeignNumberRule) : rules;

    protected override SettingsUpdate ConnectionSettings(Uri baseAddress) =>
        OttoTestKeys.Settings(baseAddress).Set(OttoConnector.RequestsPerMinuteKey, RequestsPerMinute);

    protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) =>
        OttoTestKeys.Settings(baseAddress, OttoTestKeys.WrongSecret).Set(OttoConnector.RequestsPerMinuteKey, RequestsPerMinute);

    protected override void OnLogLine(string line) => AdapterTestLog.Record(line);
}
