using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>One piece of an order (PositionItem).</summary>
/// <param name="PositionItemId">The piece's id.</param>
/// <param name="FulfillmentStatus">ANNOUNCED, PROCESSABLE, SENT, RETURNED, CANCELLED_BY_PARTNER or CANCELLED_BY_MARKETPLACE.</param>
/// <param name="ItemValueGrossPrice">The piece's gross price before its discount.</param>
/// <param name="ItemValueDiscount">The discount on the piece.</param>
/// <param name="ItemValueReducedGrossPrice">The piece's gross price after its discount: what the buyer pays for it.</param>
/// <param name="Product">The product.</param>
/// <param name="TrackingInfo">The tracking of a sent piece.</param>
internal sealed record OttoPositionItemJson(
    [property: JsonPropertyName("positionItemId")] string PositionItemId,
    [property: JsonPropertyName("fulfillmentStatus")] string FulfillmentStatus,
    [property: JsonPropertyName("itemValueGrossPrice")] OttoAmountJson ItemValueGrossPrice,
    [property: JsonPropertyName("product")] OttoProductJson Product,
    [property: JsonPropertyName("itemValueDiscount")] OttoAmountJson? ItemValueDiscount = null,
    [property: JsonPropertyName("itemValueReducedGrossPrice")] OttoAmountJson? ItemValueReducedGrossPrice = null,
    [property: JsonPropertyName("trackingInfo")] OttoTrackingInfoJson? TrackingInfo = null);
