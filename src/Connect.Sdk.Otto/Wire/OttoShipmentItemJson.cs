using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>A piece in a shipment.</summary>
/// <param name="PositionItemId">The position item.</param>
/// <param name="SalesOrderId">Its order.</param>
internal sealed record OttoShipmentItemJson(
    [property: JsonPropertyName("positionItemId")] string PositionItemId,
    [property: JsonPropertyName("salesOrderId")] string SalesOrderId);
