using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>eBay's <c>Amount</c>: the value as a decimal string and the ISO 4217 currency.</summary>
internal sealed record EbayAmountJson(
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("currency")] string? Currency);
