using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Amazon.Wire;

/// <summary>
/// The source-generated System.Text.Json context of the connector's payloads. Web defaults: the Orders API's
/// PascalCase names read case-insensitively, and request bodies are written in camelCase as the Listings Items API and
/// confirmShipment expect; LWA's snake_case names are spelled out on their records.
/// </summary>
// Strict on purpose: a field Amazon documents as required that is missing or null fails the payload (and with it
// only that order) instead of arriving in the ERP as an empty value.
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(LwaTokenRequestJson))]
[JsonSerializable(typeof(LwaTokenJson))]
[JsonSerializable(typeof(LwaErrorJson))]
[JsonSerializable(typeof(AmazonErrorListJson))]
[JsonSerializable(typeof(GetOrdersResponseJson))]
[JsonSerializable(typeof(AmazonOrderJson))]
[JsonSerializable(typeof(GetOrderResponseJson))]
[JsonSerializable(typeof(GetOrderItemsResponseJson))]
[JsonSerializable(typeof(ListingsPatchRequestJson))]
[JsonSerializable(typeof(ListingsSubmissionJson))]
[JsonSerializable(typeof(FulfillmentAvailabilityJson[]))]
[JsonSerializable(typeof(PurchasableOfferJson[]))]
[JsonSerializable(typeof(ConfirmShipmentRequestJson))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class AmazonJsonContext : JsonSerializerContext;
