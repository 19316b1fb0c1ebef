using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>A01's answer (<c>GET /api/account</c>), the fields the connector reads.</summary>
internal sealed record MiraklAccountJson(
    [property: JsonPropertyName("shop_id")] long? ShopId,
    [property: JsonPropertyName("shop_name")] string? ShopName,
    [property: JsonPropertyName("currency_iso_code")] string? CurrencyIsoCode);
