using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Shopify.Wire;

/// <summary>
/// The source-generated System.Text.Json context for Shopify's GraphQL answers: no reflection at run time. Every
/// field is optional on the wire; the mappers decide what a record cannot do without and say so by name.
/// </summary>
// Money amounts are GraphQL Decimal scalars, sent as strings ("12.99"); reading them as decimal keeps every cent.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ShopifyResponseJson<ShopifyShopDataJson>))]
[JsonSerializable(typeof(ShopifyResponseJson<ShopifyLocationDataJson>))]
[JsonSerializable(typeof(ShopifyResponseJson<ShopifyVariantDataJson>))]
[JsonSerializable(typeof(ShopifyResponseJson<ShopifyProductDataJson>))]
[JsonSerializable(typeof(ShopifyResponseJson<ShopifySetQuantitiesDataJson>))]
[JsonSerializable(typeof(ShopifyResponseJson<ShopifyVariantsBulkUpdateDataJson>))]
[JsonSerializable(typeof(ShopifyResponseJson<ShopifyOrdersDataJson>))]
[JsonSerializable(typeof(ShopifyResponseJson<ShopifyOrderDataJson>))]
[JsonSerializable(typeof(ShopifyResponseJson<ShopifyOrderLinesDataJson>))]
[JsonSerializable(typeof(ShopifyOrderJson))]
[JsonSerializable(typeof(ShopifyResponseJson<ShopifyFulfillmentOrderDataJson>))]
[JsonSerializable(typeof(ShopifyResponseJson<ShopifyFulfillmentCreateDataJson>))]
internal sealed partial class ShopifyJsonContext : JsonSerializerContext;
