using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>A delivery fee at checkout.</summary>
/// <param name="Name">Its kind.</param>
/// <param name="DeliveryFeeAmount">Its amount.</param>
/// <param name="PositionItemIds">The pieces it is charged for.</param>
internal sealed record OttoDeliveryFeeJson(
    [property: JsonPropertyName("deliveryFeeAmount")] OttoAmountJson DeliveryFeeAmount,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("positionItemIds")] string[]? PositionItemIds = null);
