using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>The <c>getShippingFulfillments</c> answer: the order's packages.</summary>
internal sealed record ShippingFulfillmentsJson([property: JsonPropertyName("fulfillments")] IReadOnlyList<ShippingFulfillmentJson?>? Fulfillments);
