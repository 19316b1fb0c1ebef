using Connect.Sdk.Lifecycle;
using Connect.Sdk.Mirakl.Tests.TestSupport;

namespace Connect.Sdk.Mirakl.Tests.Conformance;

/// <summary>
/// The conformance kit against the Mirakl fake with shipments by lines (setting <c>shipments: lines</c>, the
/// multiple-shipments API ST01): every check, the partial-shipments one with each parcel's lines.
/// </summary>
public sealed class MiraklLineShipmentsConformanceTests : MiraklConnectorConformanceTests
{
    protected override IReadOnlyCollection<Connect.Sdk.Testing.Conformance.ShipmentField> IgnoredShipmentFields => [];

    protected override SettingsUpdate ConnectionSettings(Uri baseAddress) => MiraklTestKeys.Settings(baseAddress).Set(MiraklConnector.ShipmentsKey, "lines");

    protected override SettingsUpdate ConnectionSettingsWithBadSecret(Uri baseAddress) => MiraklTestKeys.Settings(baseAddress, MiraklTestKeys.WrongKey).Set(MiraklConnector.ShipmentsKey, "lines");
}
