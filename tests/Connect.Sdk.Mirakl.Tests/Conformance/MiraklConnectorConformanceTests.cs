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
public sealed class MiraklConnectorConformanceTests : ConnectorConformanceTests
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
    /// Not applicable as the kit states it: Mirakl's tracking (OR23) belongs to the order and names no lines, so no
    /// Mirakl order can show which lines a parcel held. MiraklOrderStatusFeatureTests prove the Mirakl form: each parcel's
    /// tracking in turn, the order validated (OR24) once every line is shipped, a repeated export sends nothing again.
    /// </summary>
    /// <returns>A completed task.</returns>
    [Fact(Skip = "Mirakl's order-level tracking (OR23) names no lines; see MiraklOrderStatusFeatureTests")]
    public override Task StatusExport_PartialShipments_ReachTheFake() => Task.CompletedTask;
}
