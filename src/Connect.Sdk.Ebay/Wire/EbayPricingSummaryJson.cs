using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>
/// An order's <c>PricingSummary</c>: the subtotal and delivery cost before discounts, the discounts (negative), special
/// fees, price adjustments, tax and the total the buyer paid.
/// </summary>
internal sealed record EbayPricingSummaryJson(
    [property: JsonPropertyName("priceSubtotal")] EbayAmountJson? PriceSubtotal,
    [property: JsonPropertyName("deliveryCost")] EbayAmountJson? DeliveryCost,
    [property: JsonPropertyName("deliveryDiscount")] EbayAmountJson? DeliveryDiscount,
    [property: JsonPropertyName("priceDiscount")] EbayAmountJson? PriceDiscount,
    [property: JsonPropertyName("fee")] EbayAmountJson? Fee,
    [property: JsonPropertyName("adjustment")] EbayAmountJson? Adjustment,
    [property: JsonPropertyName("tax")] EbayAmountJson? Tax,
    [property: JsonPropertyName("total")] EbayAmountJson Total);
