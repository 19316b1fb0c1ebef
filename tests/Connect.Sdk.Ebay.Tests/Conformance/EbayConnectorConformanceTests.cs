using Connect.Sdk.Ebay.Tests.TestSupport;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Ebay;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Ebay.Tests.Conformance;

/// <summary>The conformance kit's checks against the eBay fake, with the connector built by <c>AddEbay()</c>.</summary>
public sealed class EbayConnectorConformanceTests : ConnectorConformanceTests
{
    protected override ForeignNumberLabel ForeignNumberLabel => ForeignNumberLabel.Sku;

    protected override ValueTask<IMarketplaceFake> StartFakeAsync() =>
        ValueTask.FromResult<IMarketplaceFake>(EbayFake.Start(EbayTestKeys.Credentials));

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddConnectSdk().UseInMemoryStores().AddEbay();

    protected override ForeignNumberRules ConfigureForeignNumberRules(ForeignNumberRules rules) => EbayTestRules.WithSkuOnAnyArticle(rules);

    protected override SettingsUpdate ConnectionSettings(Uri baseAddress) => EbayTestKeys.Settings(baseAddress);

    protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) => EbayTestKeys.Settings(baseAddress, EbayTestKeys.WrongSecret);

    protected override void OnLogLine(string line) => AdapterTestLog.Record(line);
}
