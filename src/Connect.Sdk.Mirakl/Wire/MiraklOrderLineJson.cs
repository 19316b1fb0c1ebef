using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>An order line of OR11, the fields the connector reads.</summary>
internal sealed record MiraklOrderLineJson(
    [property: JsonPropertyName("order_line_id")] string? OrderLineId,
    [property: JsonPropertyName("order_line_state")] string? OrderLineState,
    [property: JsonPropertyName("offer_sku")] string? OfferSku,
    [property: JsonPropertyName("product_shop_sku")] string? ProductShopSku,
    [property: JsonPropertyName("product_title")] string? ProductTitle,
    [property: JsonPropertyName("quantity")] int? Quantity,
    [property: JsonPropertyName("origin_unit_price")] decimal? OriginUnitPrice,
    [property: JsonPropertyName("price")] decimal? Price,
    [property: JsonPropertyName("shipping_price")] decimal? ShippingPrice,
    [property: JsonPropertyName("taxes")] MiraklTaxJson[]? Taxes,
    [property: JsonPropertyName("shipping_taxes")] MiraklTaxJson[]? ShippingTaxes);
