using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>eBay's <c>PhoneNumber</c>.</summary>
internal sealed record EbayPhoneJson([property: JsonPropertyName("phoneNumber")] string? PhoneNumber);
