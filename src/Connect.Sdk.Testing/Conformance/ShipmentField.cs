namespace Connect.Sdk.Testing.Conformance;

/// <summary>
/// A field of a shipment that some marketplaces do not keep per tracking number, for
/// <c>ConnectorConformanceKit.IgnoredShipmentFields</c>.
/// </summary>
public enum ShipmentField
{
    /// <summary>The lines, or parts of lines, a parcel holds.</summary>
    Lines,

    /// <summary>The parcel's carrier.</summary>
    Carrier,
}
