using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>A fulfilment start instruction: its shipping step.</summary>
internal sealed record EbayFulfillmentInstructionsJson([property: JsonPropertyName("shippingStep")] EbayShippingStepJson? ShippingStep);
