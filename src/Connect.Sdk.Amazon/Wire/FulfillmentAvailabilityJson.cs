using System.Text.Json.Serialization;

namespace Connect.Sdk.Amazon.Wire;

/// <summary>The <c>fulfillment_availability</c> attribute value: the channel (<c>DEFAULT</c> for the merchant) and the quantity.</summary>
internal sealed record FulfillmentAvailabilityJson(
    [property: JsonPropertyName("fulfillment_channel_code")] string FulfillmentChannelCode,
    [property: JsonPropertyName("quantity")] int Quantity);
