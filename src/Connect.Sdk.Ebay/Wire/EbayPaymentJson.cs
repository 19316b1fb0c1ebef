using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>One payment of an order: its method and status.</summary>
internal sealed record EbayPaymentJson(
    [property: JsonPropertyName("paymentMethod")] string? PaymentMethod,
    [property: JsonPropertyName("paymentStatus")] string? PaymentStatus);
