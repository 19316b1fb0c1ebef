using Connect.Sdk.ForeignNumbers;
using Connect.Sdk.Lifecycle;
using Connect.Sdk.Mirakl.Orders;
using Connect.Sdk.Mirakl.Tests.TestSupport;
using Connect.Sdk.Testing.Conformance;
using Connect.Sdk.Testing.Fakes;
using Connect.Sdk.Testing.Fakes.Mirakl;
using Connect.Sdk.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Sdk.Mirakl.Tests.Conformance;

/// <summary>The conformance kit's checks against the Mirakl fake, with the connector built by <c>AddMirakl()</c>.</summary>
public class MiraklConnectorConformanceTests : ConnectorConformanceTests
{
    protected override ForeignNumberLabel ForeignNumberLabel => ForeignNumberLabel.MiraklShopSku;

    protected override int OrderPageSize => MiraklOrdersFeature.PageSize;

    protected override ValueTask<IMarketplaceFake> StartFakeAsync() =>
        ValueTask.FromResult<IMarketplaceFake>(MiraklFake.Start(MiraklTestKeys.Credentials));

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddConnectSdk().UseInMemoryStores().AddMirakl();

    protected override ForeignNumberRules ConfigureForeignNumberRules(ForeignNumberRules rules) =>
        rules.Find(MiraklConnector.Id) is null ? rules.With(MiraklConnector.ForeignNumberRule) : rules;

    protected override SettingsUpdate ConnectionSettings(Uri baseAddress) => MiraklTestKeys.Settings(baseAddress);

    protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) => MiraklTestKeys.Settings(baseAddress, MiraklTestKeys.WrongKey);

    protected override void OnLogLine(string line) => AdapterTestLog.Record(line);

    /// <summary>
    /// Mirakl's order tracking (OR23) belongs to the whole order and names no lines, so the fake records each parcel as a
    /// shipment of every line: the kit checks each parcel's tracking number and carrier, not its lines.
    /// </summary>
    protected override IReadOnlyCollection<ShipmentField> IgnoredShipmentFields => [ShipmentField.Lines];
}
