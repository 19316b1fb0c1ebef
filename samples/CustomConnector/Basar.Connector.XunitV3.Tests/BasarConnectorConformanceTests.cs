using Basar.Connector.DependencyInjection;
using Basar.Connector.Fake;
using Basar.Connector.Orders;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.XunitV3;
using Microsoft.Extensions.DependencyInjection;

namespace Basar.Connector.XunitV3.Tests;

/// <summary>
/// The whole conformance kit against the Basar connector on xUnit v3: the same members as the xUnit v2 class in
/// Basar.Connector.Tests, derived from the kit's v3 shell.
/// </summary>
public sealed class BasarConnectorConformanceTests : ConnectorConformanceTests
{
    private const string Token = "basar-live-7c1e5a0f93d2";

    protected override ForeignNumberLabel ForeignNumberLabel => BasarConnector.OfferIdLabel;

    protected override int OrderPageSize => BasarOrdersFeature.PageSize;

    protected override ValueTask<IMarketplaceFake> StartFakeAsync() =>
        ValueTask.FromResult<IMarketplaceFake>(BasarFake.Start(Token, new MarketplaceFakeOptions { DelayTime = Time.ServerTime }));

    // Retries and pacing wait on the kit's fake time, which the kit drives: the checks take no real time.
    protected override void ConfigureServices(IServiceCollection services) => services.AddConnectSdk().AddBasar();

    protected override ForeignNumberRules ConfigureForeignNumberRules(ForeignNumberRules rules) =>
        rules.With(BasarConnector.ForeignNumberRule);

    protected override SettingsUpdate ConnectionSettings(Uri baseAddress) => SettingsUpdate.Empty
        .Set(BasarConnector.BaseUrlKey, baseAddress.ToString())
        .Set(BasarConnector.FallbackCarrierKey, "DHL")
        .SetSecret(BasarConnector.ApiTokenKey, new SecretValue(Token));

    protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) => SettingsUpdate.Empty
        .Set(BasarConnector.BaseUrlKey, baseAddress.ToString())
        .Set(BasarConnector.FallbackCarrierKey, "DHL")
        .SetSecret(BasarConnector.ApiTokenKey, new SecretValue("basar-wrong-41d09b6e2a"));
}
