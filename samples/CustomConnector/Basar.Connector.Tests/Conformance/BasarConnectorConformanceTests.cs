using Basar.Connector.DependencyInjection;
using Basar.Connector.Fake;
using Basar.Connector.Orders;
using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Settings;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Basar.Connector.Tests.Conformance;

/// <summary>
/// The whole conformance kit against the Basar connector and its fake on loopback: every inherited check is a test.
/// Nothing is ignored: Basar carries every field of an order.
/// </summary>
#region snippet: connector-conformance
public sealed class BasarConnectorConformanceTests : ConnectorConformanceTests
{
    private const string Token = "basar-live-7c1e5a0f93d2";

    protected override ForeignNumberLabel ForeignNumberLabel => BasarConnector.OfferIdLabel;

    protected override int OrderPageSize => BasarOrdersFeature.PageSize;

    // No rate limit here: the kit's checks make bursts of requests on purpose, and its faults bring the 429s.
    // The rate limit has its own test (BasarFakeTests).
    protected override ValueTask<IMarketplaceFake> StartFakeAsync() =>
        ValueTask.FromResult<IMarketplaceFake>(BasarFake.Start(Token, new MarketplaceFakeOptions()));

    // The connector as a host registers it. The kit has put its fake time under every HttpClient, so retries and
    // pacing wait no real time, and no timeout fires while a request is on the wire.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddConnectSdk().AddBasar();

    // The connector's real rule, exactly as AddBasar() registers it.
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
#endregion
