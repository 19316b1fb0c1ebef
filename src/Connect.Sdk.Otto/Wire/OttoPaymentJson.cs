using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>The payment of an order.</summary>
/// <param name="PaymentMethod">The payment method, e.g. <c>INVOICE_SINGLE</c>.</param>
internal sealed record OttoPaymentJson(
    [property: JsonPropertyName("paymentMethod")] string? PaymentMethod = null);
