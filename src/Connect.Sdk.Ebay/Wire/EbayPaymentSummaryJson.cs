using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>An order's <c>PaymentSummary</c>: its payments.</summary>
internal sealed record EbayPaymentSummaryJson([property: JsonPropertyName("payments")] IReadOnlyList<EbayPaymentJson?>? Payments);
