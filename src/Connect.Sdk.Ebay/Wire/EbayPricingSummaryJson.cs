using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>An order's <c>PricingSummary</c>: subtotal, delivery cost and discount, discount, tax and total.</summary>
internal sealed record EbayPricingSummaryJson(
    [property: JsonPropertyName("priceSubtotal")] EbayAmountJson? PriceSubtotal,
    [property: JsonPropertyName("deliveryCost")] EbayAmountJson? DeliveryCost,
    [property: JsonPropertyName("deliveryDiscount")] EbayAmountJson? DeliveryDiscount,
    [property: JsonPropertyName("priceDiscount")] EbayAmountJson? PriceDiscount,
    [property: JsonPropertyName("tax")] EbayAmountJson? Tax,
    [property: JsonPropertyName("total")] EbayAmountJson Total);
