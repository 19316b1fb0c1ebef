using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>A promotion applied to a line item: its discount.</summary>
internal sealed record EbayPromotionJson([property: JsonPropertyName("discountAmount")] EbayAmountJson? DiscountAmount);
