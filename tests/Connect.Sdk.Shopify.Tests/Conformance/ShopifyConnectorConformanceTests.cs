using System.Globalization;
using Connect.Sdk.Connectors;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Shopify.Http;
using Connect.Sdk.Shopify.Tests.TestDoubles;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Shopify;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk.Shopify.Tests.Conformance;

/// <summary>The conformance kit's checks against the Shopify fake, with the connector built by <c>AddShopify()</c>.</summary>
public sealed class ShopifyConnectorConformanceTests : ConnectorConformanceTests
{
    // The HTTP client's waits (pacing, Retry-After, back-off) and the fake's cost bucket run on one fake time.
    private readonly AutoAdvancingTime _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The kit's articles are simple articles, which carry a Shopify product id.</summary>
    protected override ForeignNumberLabel ForeignNumberLabel => ForeignNumberLabel.ShopifyProductId;

    protected override ForeignNumberLabel VariantForeignNumberLabel => ForeignNumberLabel.ShopifyVariantId;

    protected override int OrderPageSize => ShopifyDocuments.OrderPageSize;

    // Shopify ids are numbers; these are odd and above 2^53, where a double cannot hold them.
    // Far apart, so that the default variant the fake gives a seeded product never takes the number of an article seeded after it.
    protected override string ForeignNumberValue(int index) => (9_007_199_254_800_001L + (1_000L * index)).ToString(CultureInfo.InvariantCulture);

    protected override void OnLogLine(string line) => AdapterTestLog.Record(line);

    protected override ValueTask<IMarketplaceFake> StartFakeAsync() =>
        ValueTask.FromResult<IMarketplaceFake>(ShopifyFake.Start(ShopifyTestServices.Token, new MarketplaceFakeOptions { Clock = new TimeProviderClock(_time) }));

    protected override IConnector CreateConnector(ILoggerFactory loggerFactory) => ShopifyTestServices.Create(loggerFactory, _time);

    // The connector's real rules, exactly as AddShopify() registers them.
    protected override ForeignNumberRules ConfigureForeignNumberRules(ForeignNumberRules rules) =>
        rules.Find(ShopifyConnector.Id) is null ? rules.With(ShopifyConnector.ForeignNumberRules) : rules;

    protected override SettingsUpdate ConnectionSettings(Uri baseAddress) => ShopifyTestServices.Settings((ShopifyFake)Fake);

    protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) => ShopifyTestServices.Settings((ShopifyFake)Fake, ShopifyTestServices.WrongToken);
}
