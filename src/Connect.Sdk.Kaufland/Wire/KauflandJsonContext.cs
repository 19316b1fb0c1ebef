using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Kaufland.Wire;

/// <summary>
/// The source-generated System.Text.Json context for the Seller API's payloads: no reflection at run time, and
/// Kaufland's snake_case names in one place.
/// </summary>
// Strict on purpose: a money field that is not an integer, or a field the API always sends that is missing, fails that
// order (or that unit) instead of arriving in the ERP as a rounded or empty value.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(KauflandOrderUnitListJson))]
[JsonSerializable(typeof(KauflandOrderAnswerJson))]
[JsonSerializable(typeof(KauflandUnitListJson))]
[JsonSerializable(typeof(KauflandUnitAnswerJson))]
[JsonSerializable(typeof(KauflandUnitPatchJson))]
[JsonSerializable(typeof(KauflandSendJson))]
[JsonSerializable(typeof(KauflandErrorJson))]
[JsonSerializable(typeof(KauflandOrderJson))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class KauflandJsonContext : JsonSerializerContext;
