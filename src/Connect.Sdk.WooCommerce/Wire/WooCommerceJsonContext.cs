using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.WooCommerce.Wire;

/// <summary>
/// The source-generated System.Text.Json context for WooCommerce's payloads: no reflection at run time, and
/// WooCommerce's snake_case names in one place.
/// </summary>
// Strict on purpose: a field WooCommerce always sends that is missing or null fails the payload (and with it only that
// order or that batch) instead of arriving in the ERP as an empty value.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(WooOrderJson))]
[JsonSerializable(typeof(WooProductJson[]))]
[JsonSerializable(typeof(WooStockBatchJson))]
[JsonSerializable(typeof(WooStockBatchResultJson))]
[JsonSerializable(typeof(WooPriceBatchJson))]
[JsonSerializable(typeof(WooPriceSettingJson))]
[JsonSerializable(typeof(WooNoteJson[]))]
[JsonSerializable(typeof(WooNewNoteJson))]
[JsonSerializable(typeof(WooStatusChangeJson))]
[JsonSerializable(typeof(WooErrorJson))]
[JsonSerializable(typeof(WooSystemStatusJson))]
[JsonSerializable(typeof(JsonElement[]))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class WooCommerceJsonContext : JsonSerializerContext;
