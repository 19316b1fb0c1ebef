using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Ebay.Wire;

/// <summary>The source-generated serializers of eBay's payloads.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EbayTokenJson))]
[JsonSerializable(typeof(EbayOAuthErrorJson))]
[JsonSerializable(typeof(EbayErrorListJson))]
[JsonSerializable(typeof(BulkPriceQuantityJson))]
[JsonSerializable(typeof(BulkPriceQuantityResponseJson))]
[JsonSerializable(typeof(OffersJson))]
[JsonSerializable(typeof(InventoryItemsJson))]
[JsonSerializable(typeof(EbayOrderJson))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(EbayOrderPageJson))]
[JsonSerializable(typeof(ShippingFulfillmentRequestJson))]
[JsonSerializable(typeof(ShippingFulfillmentsJson))]
internal sealed partial class EbayJsonContext : JsonSerializerContext;
