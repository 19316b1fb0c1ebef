using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>The buyer: user name and the registration address (the billing address the connector reports).</summary>
internal sealed record EbayBuyerJson(
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("buyerRegistrationAddress")] EbayContactJson? BuyerRegistrationAddress);
