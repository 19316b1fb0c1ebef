using System.Text.Json.Serialization;

namespace Connect.Sdk.Mirakl.Wire;

/// <summary>
/// An order of OR11 (<c>GET /api/orders</c>), the fields the connector reads; Mirakl adds fields and states over time,
/// and an operator adds its own, so every other field is ignored and every state is a string.
/// </summary>
internal sealed record MiraklOrderJson(
    [property: JsonPropertyName("order_id")] string? OrderId,
    [property: JsonPropertyName("commercial_id")] string? CommercialId,
    [property: JsonPropertyName("order_state")] string? OrderState,
    [property: JsonPropertyName("created_date")] DateTimeOffset? CreatedDate,
    [property: JsonPropertyName("last_updated_date")] DateTimeOffset? LastUpdatedDate,
    [property: JsonPropertyName("currency_iso_code")] string? CurrencyIsoCode,
    [property: JsonPropertyName("order_tax_mode")] string? OrderTaxMode,
    [property: JsonPropertyName("payment_type")] string? PaymentType,
    [property: JsonPropertyName("customer_notification_email")] string? CustomerNotificationEmail,
    [property: JsonPropertyName("customer")] MiraklCustomerJson? Customer,
    [property: JsonPropertyName("shipping_price")] decimal? ShippingPrice,
    [property: JsonPropertyName("total_price")] decimal? TotalPrice,
    [property: JsonPropertyName("shipping_tracking")] string? ShippingTracking,
    [property: JsonPropertyName("order_lines")] MiraklOrderLineJson[]? OrderLines);
