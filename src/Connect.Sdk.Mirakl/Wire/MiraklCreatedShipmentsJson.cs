using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>ST01's answer: per shipment, created or refused with a message.</summary>
internal sealed record MiraklCreatedShipmentsJson(
    [property: JsonPropertyName("shipment_success")] MiraklShipmentJson[]? Success,
    [property: JsonPropertyName("shipment_errors")] MiraklShipmentErrorJson[]? Errors);
