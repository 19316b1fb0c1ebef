namespace Basar.Connector.Wire;

/// <summary>
/// The source-generated System.Text.Json context for Basar's payloads: no reflection at run time, and Basar's
/// camelCase names in one place.
/// </summary>
// Strict on purpose: a field Basar documents as required that is missing or null fails the payload (and with it only
// that order) instead of arriving in the ERP as an empty value.
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(BasarPingJson))]
[JsonSerializable(typeof(BasarOrderJson))]
[JsonSerializable(typeof(BasarOrderListJson))]
[JsonSerializable(typeof(BasarShipmentJson))]
[JsonSerializable(typeof(BasarStockUpdateJson))]
[JsonSerializable(typeof(BasarStockResultJson))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class BasarJsonContext : JsonSerializerContext;
