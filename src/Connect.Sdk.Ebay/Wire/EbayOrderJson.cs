using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>An order of the Fulfillment API (<c>Order</c>), the fields the connector reads.</summary>
internal sealed record EbayOrderJson(
    [property: JsonPropertyName("orderId")] string OrderId,
    [property: JsonPropertyName("legacyOrderId")] string? LegacyOrderId,
    [property: JsonPropertyName("creationDate")] string CreationDate,
    [property: JsonPropertyName("lastModifiedDate")] string LastModifiedDate,
    [property: JsonPropertyName("orderFulfillmentStatus")] string? OrderFulfillmentStatus,
    [property: JsonPropertyName("orderPaymentStatus")] string? OrderPaymentStatus,
    [property: JsonPropertyName("cancelStatus")] EbayCancelStatusJson? CancelStatus,
    [property: JsonPropertyName("buyer")] EbayBuyerJson? Buyer,
    [property: JsonPropertyName("pricingSummary")] EbayPricingSummaryJson PricingSummary,
    [property: JsonPropertyName("paymentSummary")] EbayPaymentSummaryJson? PaymentSummary,
    [property: JsonPropertyName("fulfillmentStartInstructions")] IReadOnlyList<EbayFulfillmentInstructionsJson?>? FulfillmentStartInstructions,
    [property: JsonPropertyName("lineItems")] IReadOnlyList<EbayLineItemJson?> LineItems);
