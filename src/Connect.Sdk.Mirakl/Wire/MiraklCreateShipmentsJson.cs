using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>ST01's body: the shipments to create.</summary>
internal sealed record MiraklCreateShipmentsJson([property: JsonPropertyName("shipments")] MiraklShipmentJson[] Shipments);
