using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>The <c>createShippingFulfillment</c> request: a package of line items with its carrier and tracking number.</summary>
internal sealed record ShippingFulfillmentRequestJson(
    [property: JsonPropertyName("lineItems")] IReadOnlyList<FulfilledLineJson> LineItems,
    [property: JsonPropertyName("shippedDate")] string ShippedDate,
    [property: JsonPropertyName("shippingCarrierCode")] string ShippingCarrierCode,
    [property: JsonPropertyName("trackingNumber")] string TrackingNumber);
