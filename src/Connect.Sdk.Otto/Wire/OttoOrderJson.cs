using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>An order of Orders v4 (PartnerOrder).</summary>
/// <param name="SalesOrderId">The sales order id, a UUID.</param>
/// <param name="OrderNumber">The order number the buyer and the seller see.</param>
/// <param name="OrderDate">When the order was placed.</param>
/// <param name="LastModifiedDate">When it last changed.</param>
/// <param name="PositionItems">One position item per piece.</param>
/// <param name="InitialDeliveryFees">The delivery fees at checkout.</param>
/// <param name="InitialDiscounts">The discounts on the order at checkout.</param>
/// <param name="InvoiceAddress">The invoice address.</param>
/// <param name="DeliveryAddress">The delivery address.</param>
/// <param name="Payment">The payment.</param>
internal sealed record OttoOrderJson(
    [property: JsonPropertyName("salesOrderId")] string SalesOrderId,
    [property: JsonPropertyName("orderNumber")] string OrderNumber,
    [property: JsonPropertyName("orderDate")] DateTimeOffset OrderDate,
    [property: JsonPropertyName("positionItems")] OttoPositionItemJson?[] PositionItems,
    [property: JsonPropertyName("lastModifiedDate")] DateTimeOffset? LastModifiedDate = null,
    [property: JsonPropertyName("initialDeliveryFees")] OttoDeliveryFeeJson?[]? InitialDeliveryFees = null,
    [property: JsonPropertyName("initialDiscounts")] OttoDiscountJson?[]? InitialDiscounts = null,
    [property: JsonPropertyName("invoiceAddress")] OttoAddressJson? InvoiceAddress = null,
    [property: JsonPropertyName("deliveryAddress")] OttoAddressJson? DeliveryAddress = null,
    [property: JsonPropertyName("payment")] OttoPaymentJson? Payment = null);
