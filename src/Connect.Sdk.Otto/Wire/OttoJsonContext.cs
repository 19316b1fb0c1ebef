using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Otto.Wire;

/// <summary>The source-generated serialization of OTTO's payloads: amounts read as decimals, absent optional fields not written.</summary>
// Strict on purpose: a field OTTO always sends that is missing or null fails the payload (and with it only that order or
// that batch) instead of arriving in the ERP as an empty value.
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(OttoTokenJson))]
[JsonSerializable(typeof(OttoOAuthErrorJson))]
[JsonSerializable(typeof(OttoErrorListJson))]
[JsonSerializable(typeof(OttoErrorJson))]
[JsonSerializable(typeof(OttoQuantityJson))]
[JsonSerializable(typeof(OttoMultiStatusJson))]
[JsonSerializable(typeof(OttoValidationErrorJson))]
[JsonSerializable(typeof(OttoOrderListJson))]
[JsonSerializable(typeof(OttoLinkJson))]
[JsonSerializable(typeof(OttoOrderJson))]
[JsonSerializable(typeof(OttoPositionItemJson))]
[JsonSerializable(typeof(OttoAmountJson))]
[JsonSerializable(typeof(OttoProductJson))]
[JsonSerializable(typeof(OttoDeliveryFeeJson))]
[JsonSerializable(typeof(OttoDiscountJson))]
[JsonSerializable(typeof(OttoAddressJson))]
[JsonSerializable(typeof(OttoPaymentJson))]
[JsonSerializable(typeof(OttoTrackingInfoJson))]
[JsonSerializable(typeof(OttoShipmentRequestJson))]
[JsonSerializable(typeof(OttoTrackingKeyJson))]
[JsonSerializable(typeof(OttoShipFromJson))]
[JsonSerializable(typeof(OttoShipmentItemJson))]
[JsonSerializable(typeof(OttoPriceJson))]
[JsonSerializable(typeof(OttoQuantityJson[]))]
[JsonSerializable(typeof(OttoPriceJson[]))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class OttoJsonContext : JsonSerializerContext;
